package io.loyaltyloop.broadleaf.testing;

import java.io.File;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The real Loyalty Loop backend as a separate process: {@code app-backend/target/loyalty-loop.jar}
 * (built earlier in the same reactor), on its own embedded PostgreSQL in a fresh directory, started
 * with the JDK running the tests. Output goes to {@code target/backend-e2e-<port>.log}.
 */
public final class BackendProcess implements AutoCloseable {

    private static final Duration STARTUP = Duration.ofSeconds(120);

    private final Process process;
    private final int port;
    private final int databasePort;
    private final Path log;

    private BackendProcess(Process process, int port, int databasePort, Path log) {
        this.process = process;
        this.port = port;
        this.databasePort = databasePort;
        this.log = log;
    }

    /**
     * Starts the backend on {@code port} with {@code properties} as {@code --key=value} arguments
     * and waits until it is ready (its startup runners done).
     */
    public static BackendProcess start(int port, Path dataDirectory, Map<String, String> properties)
            throws IOException, InterruptedException {
        Path jar = Path.of("..", "..", "app-backend", "target", "loyalty-loop.jar")
                .toAbsolutePath()
                .normalize();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(
                    jar + " is missing: build app-backend first (mvn -B verify builds it" + " before this module)");
        }
        int databasePort = freePort();
        List<String> command = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElse("java"),
                "-Xmx512m",
                "-jar",
                jar.toString(),
                "--server.port=" + port,
                "--loyalty.database.embedded.data-directory=" + dataDirectory,
                "--loyalty.database.embedded.port=" + databasePort,
                // Readiness, not liveness: it turns UP only after the startup runners (bootstrap
                // sites) are done, whereas /actuator/health answers as soon as Tomcat listens.
                "--management.endpoint.health.probes.enabled=true"));
        properties.forEach((key, value) -> command.add("--" + key + "=" + value));
        Path log = Path.of("target", "backend-e2e-" + port + ".log").toAbsolutePath();
        Files.createDirectories(log.getParent());
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .directory(new File(dataDirectory.getParent().toString()))
                .start();
        BackendProcess backend = new BackendProcess(process, port, databasePort, log);
        backend.awaitHealthy();
        return backend;
    }

    public String url() {
        return "http://localhost:" + port;
    }

    /** JDBC URL of the backend's own database (superuser, no password: it listens on localhost only). */
    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + databasePort + "/postgres?user=postgres";
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private void awaitHealthy() throws InterruptedException, IOException {
        Instant deadline = Instant.now().plus(STARTUP);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the backend exited with " + process.exitValue() + "; see " + log);
            }
            if (healthy()) {
                return;
            }
            Thread.sleep(250);
        }
        close();
        throw new IllegalStateException("the backend did not become healthy within " + STARTUP + "; see " + log);
    }

    private boolean healthy() {
        try {
            HttpURLConnection connection = (HttpURLConnection)
                    URI.create(url() + "/actuator/health/readiness").toURL().openConnection();
            connection.setConnectTimeout(1000);
            connection.setReadTimeout(1000);
            return connection.getResponseCode() == 200;
        } catch (IOException e) {
            return false;
        }
    }

    /** Stops the backend as an operator would (graceful shutdown), waiting for it to exit. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
