package io.loyaltyloop.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PostmasterPidTest {

    @TempDir
    Path dataDirectory;

    @Test
    void readsTheProcessIdAndPortOfTheServer() throws IOException {
        write(4242, 54321);

        assertThat(PostmasterPid.read(dataDirectory.resolve(PostmasterPid.FILE_NAME)))
                .contains(new PostmasterPid(4242, 54321));
    }

    @Test
    void seesNoServerWhereThereIsNoFile() {
        assertThat(PostmasterPid.running(dataDirectory)).isEmpty();
    }

    @Test
    void seesNoServerWhenTheFileIsLeftOverFromAProcessThatIsGone() throws Exception {
        Process exited = new ProcessBuilder("true").start();
        exited.waitFor();
        write(exited.pid(), 54321);

        assertThat(PostmasterPid.running(dataDirectory)).isEmpty();
    }

    @Test
    void seesNoServerWhenTheProcessIdNowBelongsToSomethingElse() throws IOException {
        write(ProcessHandle.current().pid(), 54321);

        assertThat(PostmasterPid.running(dataDirectory)).isEmpty();
    }

    @Test
    void ignoresAFileThatPostgresIsStillWriting() throws IOException {
        Files.writeString(dataDirectory.resolve(PostmasterPid.FILE_NAME), "4242\n" + dataDirectory + "\n");

        assertThat(PostmasterPid.read(dataDirectory.resolve(PostmasterPid.FILE_NAME)))
                .isEmpty();
    }

    private void write(long pid, int port) throws IOException {
        // The layout PostgreSQL 17 writes: pid, data directory, start time, port, socket dir, ...
        Files.writeString(
                dataDirectory.resolve(PostmasterPid.FILE_NAME),
                String.join(
                        "\n",
                        Long.toString(pid),
                        dataDirectory.toString(),
                        "1795000000",
                        Integer.toString(port),
                        "/tmp",
                        "localhost",
                        "  5432001    131072",
                        "ready   ",
                        ""));
    }
}
