package io.loyaltyloop.system;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * A PostgreSQL server on a data directory of this machine: either one this process started, which it
 * stops again on {@link #close()}, or one already running there (a backend beside an operator
 * command), which it leaves running.
 */
final class LocalPostgres implements AutoCloseable {

    private static final String SUPERUSER = "postgres";
    private static final String DATABASE = "postgres";

    private final Path dataDirectory;
    private final int port;
    private final Optional<EmbeddedPostgres> startedHere;
    private final long runningPid;

    private LocalPostgres(Path dataDirectory, int port, Optional<EmbeddedPostgres> startedHere, long runningPid) {
        this.dataDirectory = dataDirectory;
        this.port = port;
        this.startedHere = startedHere;
        this.runningPid = runningPid;
    }

    /**
     * Connects to the server already running on the directory, or starts one (creating the database
     * cluster on first use).
     *
     * @param port for a server started here; 0 picks a free one
     */
    static LocalPostgres startOrAttach(Path dataDirectory, int port) {
        Path directory = dataDirectory.toAbsolutePath().normalize();
        Optional<PostmasterPid> running = PostmasterPid.running(directory);
        if (running.isPresent()) {
            return new LocalPostgres(
                    directory,
                    running.get().port(),
                    Optional.empty(),
                    running.get().pid());
        }
        try {
            Files.createDirectories(directory);
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(directory)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    // zonky tunes for throwaway test databases (-F, no synchronous commit); this one
                    // holds the ledger, so keep PostgreSQL's durable defaults.
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setPGStartupWait(Duration.ofSeconds(60))
                    // zonky's own JVM shutdown hook would stop the server while Spring's is still
                    // closing the pool and the scheduler; the application context closes it instead.
                    .setRegisterShutdownHook(false)
                    .start();
            return new LocalPostgres(directory, postgres.getPort(), Optional.of(postgres), -1);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded PostgreSQL in " + directory, e);
        }
    }

    JdbcTarget target() {
        return new JdbcTarget("jdbc:postgresql://localhost:" + port + "/" + DATABASE, SUPERUSER, null);
    }

    int port() {
        return port;
    }

    Path dataDirectory() {
        return dataDirectory;
    }

    boolean startedHere() {
        return startedHere.isPresent();
    }

    String describe() {
        return startedHere()
                ? "embedded PostgreSQL started on port %d, data in %s".formatted(port, dataDirectory)
                : "embedded PostgreSQL already running on port %d (pid %d), data in %s"
                        .formatted(port, runningPid, dataDirectory);
    }

    @Override
    public void close() {
        if (startedHere.isPresent()) {
            try {
                startedHere.get().close();
            } catch (IOException e) {
                throw new UncheckedIOException("could not stop the embedded PostgreSQL in " + dataDirectory, e);
            }
        }
    }
}
