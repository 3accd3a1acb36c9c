package io.loyaltyloop.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.HdrHistogram.Histogram;

/**
 * Load driver for the Shopify webhook edge (quality sheet P1): signed {@code orders/create}
 * deliveries of real payload size → verified, stored durably in {@code webhook_inbox}, 200.
 *
 * <p>Starts an embedded PostgreSQL with default durability ({@link BenchDatabase}: fsync and
 * synchronous_commit on), then the real backend as a <em>separate process</em> ({@code java -jar
 * app-backend/target/loyalty-loop.jar}, its own JVM, real HTTP on 127.0.0.1) with the inbox worker
 * switched off so that only ingest is measured, waits for {@code /actuator/health} UP, and drives it
 * with a closed loop of C concurrent HTTP/1.1 requests ({@code java.net.http.HttpClient}, one
 * keep-alive connection per in-flight request). A warm-up phase is discarded, then a bounded
 * measured phase records latency (HdrHistogram, send → response), status codes, CPU of driver,
 * backend and PostgreSQL, WAL written and flushed. At the end every 200 must be one inbox row
 * (nothing acknowledged is lost); exit code 1 otherwise or on any non-200.
 *
 * <p>Every request carries the same ~15 kB fixture body (so one signature, computed once with the
 * generated secret, is valid for all — the server still verifies every request), a unique
 * {@code X-Shopify-Event-Id} (so each is a real insert) and one of {@code shops} shop domains.
 *
 * <p>System properties: {@code concurrency} (32), {@code warmup} (10 s), {@code duration} (30 s),
 * {@code maxRequests} (2,000,000 in the measured phase), {@code shops} (100), {@code backendJar}
 * (app-backend/target/loyalty-loop.jar), {@code fixture} (the 2026-07 orders/create test fixture),
 * {@code backendJvmArgs} (extra JVM options for the backend, space-separated, e.g. a JFR recording),
 * {@code backendLog} (bench/target/ingest-backend.log), {@code client} (httpclient: {@code
 * java.net.http.HttpClient}; socket: a minimal blocking HTTP/1.1 client per connection, lighter on
 * the shared CPU), {@code payloadStorage} (default; external: no TOAST compression of the payload;
 * lz4 — a labelled schema experiment), {@code synchronousCommit} (on), {@code dataDir}, {@code
 * databaseUrl} (an external PostgreSQL instead of the embedded one, see {@link BenchDatabase}),
 * {@code server} (backend: our backend jar; node: the reference peer {@code bench/peer-node}, Shopify's
 * Node library + {@code pg}, started the same way with the same env), {@code label} (a tag for the
 * {@code RESULT} line that {@code bench/run} collects).
 *
 * <p>Before the load, one delivery with a wrong signature must get 401 (the server really verifies).
 */
public final class IngestWebhooks {

    /** The quality sheet's P1 target. */
    private static final double TARGET_REQUESTS_PER_SECOND = 5000;

    private static final double TARGET_P99_MILLIS = 25;

    private static final String TOPIC = "orders/create";

    public static void main(String[] args) throws Exception {
        int concurrency = Integer.getInteger("concurrency", 32);
        int warmupSeconds = Integer.getInteger("warmup", 10);
        int durationSeconds = Integer.getInteger("duration", 30);
        long maxRequests = Long.getLong("maxRequests", 2_000_000);
        int shops = Integer.getInteger("shops", 100);
        Path backendJar = Path.of(System.getProperty("backendJar", "app-backend/target/loyalty-loop.jar"));
        Path fixture = Path.of(System.getProperty(
                "fixture", "app-backend/src/test/resources/shopify/webhooks-2026-07/orders__create.json"));
        Path backendLog = Path.of(System.getProperty("backendLog", "bench/target/ingest-backend.log"));
        String backendJvmArgs = System.getProperty("backendJvmArgs", "").trim();
        String clientKind = System.getProperty("client", "httpclient");
        String payloadStorage = System.getProperty("payloadStorage", "default");
        String serverKind = System.getProperty("server", "backend");
        String label = System.getProperty("label", serverKind);

        if (serverKind.equals("backend") && !Files.isRegularFile(backendJar)) {
            System.err.println(backendJar + " not found: build it with mvn -B -q -pl app-backend -am package"
                    + " -DskipTests (run from the repository root)");
            System.exit(2);
        }
        byte[] body = Files.readAllBytes(fixture);
        byte[] secretBytes = new byte[32];
        new SecureRandom().nextBytes(secretBytes);
        String secret = HexFormat.of().formatHex(secretBytes);
        String hmac = sign(secret, body);

        System.out.printf(
                "IngestWebhooks: POST /webhooks %s, body %,d bytes (%s), %d shops, concurrency %d, warmup %d s,"
                    + " measured %d s (at most %,d requests), client %s, payload storage %s, driver JVM %s, %d CPUs%n",
                TOPIC,
                body.length,
                fixture.getFileName(),
                shops,
                concurrency,
                warmupSeconds,
                durationSeconds,
                maxRequests,
                clientKind,
                payloadStorage,
                Runtime.version(),
                Runtime.getRuntime().availableProcessors());
        System.out.printf("load average before: %s%n", loadAverage());

        BenchDatabase.Options options = BenchDatabase.Options.fromSystemProperties();
        options = options.withStatementStats(false).withPoolSize(2);
        int port = freePort();
        Process backend = null;
        int exit = 0;
        try (BenchDatabase db = BenchDatabase.start(options)) {
            System.out.printf("database: %s%n", db.describe());
            // An experiment on the schema, off by default: how the 15 kB payload is TOASTed.
            switch (payloadStorage) {
                case "default" -> {}
                case "external" ->
                    db.plainDsl().execute("alter table webhook_inbox alter column payload set storage external");
                case "lz4" ->
                    db.plainDsl().execute("alter table webhook_inbox alter column payload set compression lz4");
                default -> throw new IllegalArgumentException("payloadStorage: default, external or lz4");
            }
            String jdbcUrl = db.jdbcUrl();
            List<String> command = serverCommand(serverKind, backendJvmArgs, backendJar);
            Files.createDirectories(backendLog.toAbsolutePath().getParent());
            ProcessBuilder builder =
                    new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(backendLog.toFile());
            builder.environment().put("PORT", Integer.toString(port));
            builder.environment().put("SHOPIFY_API_SECRET", secret);
            builder.environment().put("DATABASE_URL", jdbcUrl);
            System.out.printf("backend: %s (port %d, log %s)%n", String.join(" ", command), port, backendLog);
            backend = builder.start();
            Process started = backend;
            Runtime.getRuntime().addShutdownHook(new Thread(started::destroy));

            HttpClient client = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5))
                    .build();
            URI base = URI.create("http://127.0.0.1:" + port);
            awaitHealthy(client, base, backend);
            int forged = forgedStatus(client, base.resolve("/webhooks"), body);
            System.out.printf(
                    "a delivery with a wrong HMAC got %d%s%n", forged, forged == 401 ? " (verified)" : " — NOT 401");
            if (forged != 401) {
                exit = 1;
            }

            Load load = new Load(clientKind, client, base.resolve("/webhooks"), body, hmac, shops);
            System.out.printf("%nwarm-up %d s ...%n", warmupSeconds);
            Phase warm = load.run(concurrency, Duration.ofSeconds(warmupSeconds), Long.MAX_VALUE);
            System.out.printf(
                    "warm-up: %,d requests, %,.0f requests/s, %,d non-200%n",
                    warm.ok + warm.failed(), warm.ok / warm.seconds, warm.failed());

            CpuMeter pg = new CpuMeter(db.postmasterPid());
            ProcessHandle server = backend.toHandle();
            String loadBefore = loadAverage();
            Wal walBefore = Wal.read(db);
            CpuMeter.Sample pgBefore = pg.sample();
            Duration serverBefore = cpu(server);
            long[] machineBefore = machineCpu();
            System.out.printf("measuring %d s ...%n", durationSeconds);
            Phase measured = load.run(concurrency, Duration.ofSeconds(durationSeconds), maxRequests);
            CpuMeter.Sample pgDelta = pg.sample().minus(pgBefore);
            Duration serverCpu = cpu(server).minus(serverBefore);
            long[] machineAfter = machineCpu();
            Wal walDelta = Wal.read(db).minus(walBefore);
            String loadAfter = loadAverage();
            if (serverKind.equals("backend")) {
                HeapInfo.print(backend.pid());
            }

            long stored =
                    db.plainDsl().fetchOne("select count(*) from webhook_inbox").get(0, Long.class);
            long acknowledged = warm.ok + measured.ok;
            Histogram h = measured.latency;
            double rps = measured.ok / measured.seconds;
            double wall = measured.seconds;
            double cores = Runtime.getRuntime().availableProcessors();
            double driverCores = pgDelta.jvm().toNanos() / 1e9 / wall;
            double serverCores = serverCpu.toNanos() / 1e9 / wall;
            double pgCores = pgDelta.postgres().toNanos() / 1e9 / wall;
            long requests = Math.max(1, measured.ok);

            System.out.printf(
                    "%n=== webhook ingest, %d in flight, %.1f s measured (%s) ===%n", concurrency, wall, db.settings());
            System.out.printf("requests/s         %,.0f (200s only)%n", rps);
            System.out.printf(
                    "requests           %,d × 200, %,d non-200 %s, %,d transport errors%n",
                    measured.ok, measured.nonOk, measured.statuses, measured.errors);
            System.out.printf(
                    "latency ms         p50 %.2f  p90 %.2f  p99 %.2f  p99.9 %.2f  max %.2f  (mean %.2f)%n",
                    ms(h.getValueAtPercentile(50)),
                    ms(h.getValueAtPercentile(90)),
                    ms(h.getValueAtPercentile(99)),
                    ms(h.getValueAtPercentile(99.9)),
                    ms(h.getMaxValue()),
                    h.getMean() / 1e6);
            System.out.printf(
                    "CPU (cores busy)   backend JVM %.2f, PostgreSQL %.2f, driver JVM %.2f; total %.2f of %.0f%n",
                    serverCores, pgCores, driverCores, serverCores + pgCores + driverCores, cores);
            // Whole machine from /proc/stat (USER_HZ ticks): what is left after ours is the other tenants.
            double ticks = 100.0;
            double machineBusy = (machineAfter[0] - machineBefore[0]) / ticks / wall;
            double machineIdle = (machineAfter[1] - machineBefore[1]) / ticks / wall;
            System.out.printf(
                    "CPU whole machine  busy %.2f, idle %.2f, steal %.2f (of %.0f); other processes (not this"
                            + " benchmark) %.2f%n",
                    machineBusy,
                    machineIdle,
                    (machineAfter[2] - machineBefore[2]) / ticks / wall,
                    cores,
                    Math.max(0, machineBusy - serverCores - pgCores - driverCores));
            System.out.printf(
                    "CPU per request    backend %.0f µs, PostgreSQL %.0f µs, driver %.0f µs%n",
                    serverCpu.toNanos() / 1e3 / requests,
                    pgDelta.postgres().toNanos() / 1e3 / requests,
                    pgDelta.jvm().toNanos() / 1e3 / requests);
            System.out.printf(
                    "WAL                %,.1f kB per request, %,.0f WAL syncs/s (%.2f requests per sync)%n",
                    walDelta.bytes / 1024.0 / requests,
                    walDelta.syncs / wall,
                    walDelta.syncs == 0 ? 0 : (double) measured.ok / walDelta.syncs);
            System.out.printf("load average       before %s, after %s%n", loadBefore, loadAfter);
            System.out.printf(
                    "durability check   %,d acknowledged (warm-up + measured), %,d inbox rows: %s%n",
                    acknowledged, stored, stored == acknowledged ? "OK" : "MISMATCH");
            System.out.printf(
                    "P1 (≥ %,.0f requests/s, p99 ≤ %.0f ms): %s%n",
                    TARGET_REQUESTS_PER_SECOND,
                    TARGET_P99_MILLIS,
                    rps >= TARGET_REQUESTS_PER_SECOND && ms(h.getValueAtPercentile(99)) <= TARGET_P99_MILLIS
                            ? "met"
                            : "NOT met");
            System.out.printf(
                    "RESULT label=%s server=%s db=%s rps=%.0f p50=%.2f p99=%.2f load=%s%n",
                    label,
                    serverKind,
                    db.external() ? "external" : "embedded",
                    rps,
                    ms(h.getValueAtPercentile(50)),
                    ms(h.getValueAtPercentile(99)),
                    loadAfter.replace(' ', '/'));
            if (stored != acknowledged || measured.failed() > 0 || warm.failed() > 0) {
                exit = 1;
            }
        } finally {
            if (backend != null) {
                backend.destroy();
                if (!backend.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                    backend.destroyForcibly();
                }
            }
        }
        System.exit(exit);
    }

    /** A closed loop: each of C threads sends its next request when its previous one is answered. */
    private static final class Load {

        private final String kind;
        private final HttpClient client;
        private final URI uri;
        private final byte[] body;
        private final String hmac;
        private final int shops;
        private final AtomicLong eventIds = new AtomicLong(System.currentTimeMillis() * 1000);

        Load(String kind, HttpClient client, URI uri, byte[] body, String hmac, int shops) {
            if (!kind.equals("httpclient") && !kind.equals("socket")) {
                throw new IllegalArgumentException("client: httpclient or socket");
            }
            this.kind = kind;
            this.client = client;
            this.uri = uri;
            this.body = body;
            this.hmac = hmac;
            this.shops = shops;
        }

        Phase run(int concurrency, Duration duration, long maxRequests) throws InterruptedException {
            long start = System.nanoTime();
            long end = start + duration.toNanos();
            AtomicLong budget = new AtomicLong(maxRequests);
            LongAdder ok = new LongAdder();
            LongAdder nonOk = new LongAdder();
            LongAdder errors = new LongAdder();
            Map<Integer, LongAdder> statuses = new java.util.concurrent.ConcurrentHashMap<>();
            List<Histogram> histograms = new ArrayList<>();
            List<Thread> threads = new ArrayList<>();
            for (int t = 0; t < concurrency; t++) {
                Histogram histogram = new Histogram(Duration.ofSeconds(60).toNanos(), 3);
                histograms.add(histogram);
                threads.add(Thread.ofPlatform().name("client-" + t).start(() -> {
                    SocketSender socket = kind.equals("socket") ? new SocketSender(uri, body, hmac) : null;
                    while (System.nanoTime() < end && budget.getAndDecrement() > 0) {
                        long id = eventIds.incrementAndGet();
                        if (socket != null) {
                            long sent = System.nanoTime();
                            try {
                                int status = socket.send(id, "bench-shop-" + (id % shops) + ".myshopify.com");
                                long took = System.nanoTime() - sent;
                                if (status == 200) {
                                    ok.increment();
                                    histogram.recordValue(Math.min(took, histogram.getHighestTrackableValue()));
                                } else {
                                    nonOk.increment();
                                    statuses.computeIfAbsent(status, k -> new LongAdder())
                                            .increment();
                                }
                            } catch (IOException e) {
                                errors.increment();
                                socket.close();
                            }
                            continue;
                        }
                        HttpRequest request = HttpRequest.newBuilder(uri)
                                .timeout(Duration.ofSeconds(10))
                                .header("Content-Type", "application/json")
                                .header("X-Shopify-Topic", TOPIC)
                                .header("X-Shopify-Hmac-Sha256", hmac)
                                .header("X-Shopify-Shop-Domain", "bench-shop-" + (id % shops) + ".myshopify.com")
                                .header("X-Shopify-API-Version", "2026-07")
                                .header("X-Shopify-Webhook-Id", "wh-" + id)
                                .header("X-Shopify-Event-Id", Long.toString(id))
                                .header("X-Shopify-Triggered-At", Instant.now().toString())
                                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                                .build();
                        long sent = System.nanoTime();
                        try {
                            HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
                            long took = System.nanoTime() - sent;
                            if (response.statusCode() == 200) {
                                ok.increment();
                                histogram.recordValue(Math.min(took, histogram.getHighestTrackableValue()));
                            } else {
                                nonOk.increment();
                                statuses.computeIfAbsent(response.statusCode(), k -> new LongAdder())
                                        .increment();
                            }
                        } catch (IOException e) {
                            errors.increment();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            return;
                        }
                    }
                    if (socket != null) {
                        socket.close();
                    }
                }));
            }
            for (Thread thread : threads) {
                thread.join();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            Histogram all = new Histogram(Duration.ofSeconds(60).toNanos(), 3);
            histograms.forEach(all::add);
            Map<Integer, Long> byStatus = new TreeMap<>();
            statuses.forEach((k, v) -> byStatus.put(k, v.sum()));
            return new Phase(seconds, ok.sum(), nonOk.sum(), errors.sum(), byStatus, all);
        }
    }

    /**
     * A minimal HTTP/1.1 client on one keep-alive connection, cheaper in CPU than HttpClient so that
     * more of the two shared cores go to the server: writes the request head and body, reads the
     * status line and headers, then a Content-Length or chunked body. Reconnects after an error.
     */
    private static final class SocketSender {

        private final URI uri;
        private final byte[] body;
        private final String hmac;
        private java.net.Socket socket;
        private java.io.BufferedInputStream in;
        private java.io.OutputStream out;

        SocketSender(URI uri, byte[] body, String hmac) {
            this.uri = uri;
            this.body = body;
            this.hmac = hmac;
        }

        int send(long id, String shop) throws IOException {
            if (socket == null) {
                socket = new java.net.Socket(uri.getHost(), uri.getPort());
                socket.setTcpNoDelay(true);
                socket.setSoTimeout(10_000);
                in = new java.io.BufferedInputStream(socket.getInputStream(), 8192);
                out = new java.io.BufferedOutputStream(socket.getOutputStream(), 32 * 1024);
            }
            String head = "POST " + uri.getRawPath() + " HTTP/1.1\r\n"
                    + "Host: " + uri.getHost() + ":" + uri.getPort() + "\r\n"
                    + "Content-Type: application/json\r\n"
                    + "Content-Length: " + body.length + "\r\n"
                    + "X-Shopify-Topic: " + TOPIC + "\r\n"
                    + "X-Shopify-Hmac-Sha256: " + hmac + "\r\n"
                    + "X-Shopify-Shop-Domain: " + shop + "\r\n"
                    + "X-Shopify-API-Version: 2026-07\r\n"
                    + "X-Shopify-Webhook-Id: wh-" + id + "\r\n"
                    + "X-Shopify-Event-Id: " + id + "\r\n"
                    + "X-Shopify-Triggered-At: " + Instant.now() + "\r\n"
                    + "\r\n";
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();

            String status = line();
            if (status == null || !status.startsWith("HTTP/1.1 ") || status.length() < 12) {
                throw new IOException("bad status line: " + status);
            }
            int code = Integer.parseInt(status.substring(9, 12));
            long length = -1;
            boolean chunked = false;
            boolean closing = false;
            for (String header = line(); header != null && !header.isEmpty(); header = line()) {
                String lower = header.toLowerCase(java.util.Locale.ROOT);
                if (lower.startsWith("content-length:")) {
                    length = Long.parseLong(lower.substring(15).trim());
                } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                    chunked = true;
                } else if (lower.startsWith("connection:") && lower.contains("close")) {
                    closing = true;
                }
            }
            if (chunked) {
                long size = Long.parseLong(line().trim(), 16);
                while (size > 0) {
                    in.skipNBytes(size);
                    line();
                    size = Long.parseLong(line().trim(), 16);
                }
                line();
            } else if (length > 0) {
                in.skipNBytes(length);
            }
            if (closing) {
                close();
            }
            return code;
        }

        private String line() throws IOException {
            StringBuilder line = new StringBuilder();
            for (int c = in.read(); c != -1; c = in.read()) {
                if (c == '\n') {
                    int n = line.length();
                    return n > 0 && line.charAt(n - 1) == '\r' ? line.substring(0, n - 1) : line.toString();
                }
                line.append((char) c);
            }
            throw new IOException("connection closed");
        }

        void close() {
            if (socket != null) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // closing anyway
                }
                socket = null;
            }
        }
    }

    private record Phase(
            double seconds, long ok, long nonOk, long errors, Map<Integer, Long> statuses, Histogram latency) {

        long failed() {
            return nonOk + errors;
        }
    }

    /** WAL bytes written and WAL syncs (fdatasync calls) so far, from the server's statistics. */
    private record Wal(long bytes, long syncs) {

        static Wal read(BenchDatabase db) {
            var row = db.plainDsl()
                    .fetchOne("select pg_wal_lsn_diff(pg_current_wal_lsn(), '0/0')::bigint, wal_sync from pg_stat_wal");
            return new Wal(row.get(0, Long.class), row.get(1, Long.class));
        }

        Wal minus(Wal earlier) {
            return new Wal(bytes - earlier.bytes, syncs - earlier.syncs);
        }
    }

    private static void awaitHealthy(HttpClient client, URI base, Process backend) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        HttpRequest health = HttpRequest.newBuilder(base.resolve("/actuator/health"))
                .timeout(Duration.ofSeconds(5))
                .build();
        long started = System.nanoTime();
        while (System.nanoTime() < deadline) {
            if (!backend.isAlive()) {
                throw new IllegalStateException("the backend exited with " + backend.exitValue() + "; see its log");
            }
            try {
                HttpResponse<String> response = client.send(health, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && response.body().contains("\"UP\"")) {
                    System.out.printf("backend healthy after %.1f s%n", (System.nanoTime() - started) / 1e9);
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("the backend did not become healthy within 180 s");
    }

    /** Our backend ({@code java -jar}) or the Node reference peer, each on 127.0.0.1. */
    private static List<String> serverCommand(String kind, String jvmArgs, Path backendJar) {
        List<String> command = new ArrayList<>();
        switch (kind) {
            case "backend" -> {
                command.add(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString());
                if (!jvmArgs.isEmpty()) {
                    command.addAll(List.of(jvmArgs.split("\\s+")));
                }
                command.addAll(List.of(
                        "-jar",
                        backendJar.toString(),
                        "--server.address=127.0.0.1",
                        // Only ingest is measured: the worker would drain the inbox on the same 2 cores.
                        "--loyalty.shopify.inbox.enabled=false"));
            }
            case "node" -> command.addAll(List.of(System.getProperty("node", "node"), "bench/peer-node/server.js"));
            default -> throw new IllegalArgumentException("server: backend or node");
        }
        return command;
    }

    /** The status of one delivery whose signature is wrong (one byte of the body changed). */
    private static int forgedStatus(HttpClient client, URI uri, byte[] body) throws Exception {
        byte[] tampered = body.clone();
        tampered[tampered.length / 2] = (byte) (tampered[tampered.length / 2] == 'a' ? 'b' : 'a');
        String wrong = sign("not-the-secret", body);
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .header("X-Shopify-Topic", TOPIC)
                .header("X-Shopify-Hmac-Sha256", wrong)
                .header("X-Shopify-Shop-Domain", "bench-shop-0.myshopify.com")
                .header("X-Shopify-API-Version", "2026-07")
                .header("X-Shopify-Webhook-Id", "wh-forged")
                .header("X-Shopify-Event-Id", "forged")
                .header("X-Shopify-Triggered-At", Instant.now().toString())
                .POST(HttpRequest.BodyPublishers.ofByteArray(tampered))
                .build();
        return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static String sign(String secret, byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return Base64.getEncoder().encodeToString(mac.doFinal(body));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** The server's CPU: its process and its children (the Node peer's cluster workers). */
    private static Duration cpu(ProcessHandle process) {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(process), process.descendants())
                .map(p -> p.info().totalCpuDuration().orElse(Duration.ZERO))
                .reduce(Duration.ZERO, Duration::plus);
    }

    /** Busy, idle (+ iowait) and steal ticks of the whole machine, from the first line of /proc/stat. */
    private static long[] machineCpu() {
        try {
            String[] f =
                    Files.readAllLines(Path.of("/proc/stat")).getFirst().trim().split("\\s+");
            long busy = 0;
            for (int i : new int[] {1, 2, 3, 6, 7}) { // user nice system irq softirq
                busy += Long.parseLong(f[i]);
            }
            long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
            return new long[] {busy, idle, Long.parseLong(f[8])};
        } catch (IOException | RuntimeException e) {
            return new long[] {0, 0, 0};
        }
    }

    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException e) {
            return "?";
        }
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    private IngestWebhooks() {}
}
