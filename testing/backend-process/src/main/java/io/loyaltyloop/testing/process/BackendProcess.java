package io.loyaltyloop.testing.process;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The real Loyalty Loop backend as a separate process: {@code app-backend/target/loyalty-loop.jar}
 * (built earlier in the same reactor), started with the JDK running the tests, either on an embedded
 * PostgreSQL of its own or on an external one through {@code DATABASE_URL}. Output goes to {@code
 * target/backend-e2e-<port>.log} of the module running the tests.
 */
public final class BackendProcess implements AutoCloseable {

    private static final Duration STARTUP = Duration.ofSeconds(180);
    private static final Duration COMMAND = Duration.ofSeconds(120);

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
     * Starts the backend on {@code port} on an embedded PostgreSQL in {@code dataDirectory}, with
     * {@code properties} as {@code --key=value} arguments, and waits until it is ready.
     */
    public static BackendProcess start(int port, Path dataDirectory, Map<String, String> properties)
            throws IOException, InterruptedException {
        int databasePort = freePort();
        Map<String, String> all = new LinkedHashMap<>();
        all.put("loyalty.database.embedded.data-directory", dataDirectory.toString());
        all.put("loyalty.database.embedded.port", String.valueOf(databasePort));
        all.putAll(properties);
        return launch(port, databasePort, dataDirectory.getParent(), Map.of(), all);
    }

    /**
     * Starts the backend on {@code port} on the PostgreSQL at {@code databaseUrl} (its {@code
     * DATABASE_URL}), with {@code environment} added to the process's environment and {@code
     * properties} as {@code --key=value} arguments, and waits until it is ready.
     */
    public static BackendProcess start(
            int port, String databaseUrl, Map<String, String> environment, Map<String, String> properties)
            throws IOException, InterruptedException {
        Map<String, String> env = new LinkedHashMap<>(environment);
        env.put("DATABASE_URL", databaseUrl);
        return launch(port, -1, Path.of("target").toAbsolutePath(), env, properties);
    }

    private static BackendProcess launch(
            int port, int databasePort, Path workDirectory, Map<String, String> env, Map<String, String> properties)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                java(),
                "-Xmx384m",
                "-XX:TieredStopAtLevel=1",
                "-jar",
                jar().toString(),
                "--server.port=" + port,
                // Readiness, not liveness: it turns UP only after the startup runners (bootstrap
                // sites) are done, whereas /actuator/health answers as soon as Tomcat listens.
                "--management.endpoint.health.probes.enabled=true"));
        properties.forEach((key, value) -> command.add("--" + key + "=" + value));
        Path log = Path.of("target", "backend-e2e-" + port + ".log").toAbsolutePath();
        Files.createDirectories(log.getParent());
        Files.createDirectories(workDirectory);
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .directory(workDirectory.toFile());
        builder.environment().putAll(env);
        BackendProcess backend = new BackendProcess(builder.start(), port, databasePort, log);
        backend.awaitHealthy();
        return backend;
    }

    /**
     * Runs {@code java -jar loyalty-loop.jar <arguments>} against {@code databaseUrl}, as an
     * operator would, and returns its exit status and everything it printed.
     */
    public static CommandResult command(String databaseUrl, String... arguments)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(java(), "-Xmx256m", "-jar", jar().toString()));
        command.addAll(List.of(arguments));
        Path output = Files.createTempFile("loyalty-command", ".log");
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().put("DATABASE_URL", databaseUrl);
        Process process = builder.start();
        try {
            if (!process.waitFor(COMMAND.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
                throw new IllegalStateException(String.join(" ", arguments) + " did not end within " + COMMAND);
            }
            return new CommandResult(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(output);
        }
    }

    /** What an operator command printed (stdout and stderr) and its exit status. */
    public record CommandResult(int exitCode, String output) {

        /** The last non-blank line printed: a command's summary. */
        public String lastLine() {
            List<String> lines = output.lines().filter(line -> !line.isBlank()).toList();
            return lines.isEmpty() ? "" : lines.getLast();
        }
    }

    public String url() {
        return "http://localhost:" + port;
    }

    public int port() {
        return port;
    }

    /** JDBC URL of the backend's own embedded database (superuser, no password: it listens on localhost only). */
    public String jdbcUrl() {
        if (databasePort < 0) {
            throw new IllegalStateException("this backend runs on an external database");
        }
        return "jdbc:postgresql://localhost:" + databasePort + "/postgres?user=postgres";
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /**
     * Kills the backend as a crash would ({@code kill -9}: no shutdown hooks, no graceful drain)
     * and waits until it is gone.
     */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the backend survived SIGKILL for 30 s");
        }
    }

    /** Stops the backend as an operator would (graceful shutdown), waiting for it to exit. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    /** The packaged backend: {@code app-backend/target/loyalty-loop.jar} of this checkout. */
    static Path jar() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path jar = dir.resolve("app-backend").resolve("target").resolve("loyalty-loop.jar");
            if (Files.isRegularFile(jar)) {
                return jar;
            }
            if (Files.isDirectory(dir.resolve("app-backend"))) {
                break;
            }
        }
        throw new IllegalStateException(
                "app-backend/target/loyalty-loop.jar is missing: build app-backend first (mvn -B verify builds"
                        + " it before the modules that run it)");
    }

    private static String java() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    private void awaitHealthy() throws InterruptedException {
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
}
