package io.loyaltyloop.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The {@code postmaster.pid} file PostgreSQL keeps in its data directory while it runs: line 1 is the
 * server's process id, line 4 its port. A file whose process is gone is left over from a crash.
 */
record PostmasterPid(long pid, int port) {

    static final String FILE_NAME = "postmaster.pid";

    /** The server running on this data directory, if there is one. */
    static Optional<PostmasterPid> running(Path dataDirectory) {
        return read(dataDirectory.resolve(FILE_NAME)).filter(PostmasterPid::alive);
    }

    static Optional<PostmasterPid> read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file, e);
        }
        // PostgreSQL writes the file in steps while it starts; an incomplete one is not usable yet.
        if (lines.size() < 4) {
            return Optional.empty();
        }
        try {
            return Optional.of(new PostmasterPid(
                    Long.parseLong(lines.get(0).strip()),
                    Integer.parseInt(lines.get(3).strip())));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    boolean alive() {
        // After a crash and reboot the id may belong to an unrelated process: require a postgres.
        return ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .map(p -> p.info().command().map(c -> c.endsWith("postgres")).orElse(true))
                .orElse(false);
    }
}
