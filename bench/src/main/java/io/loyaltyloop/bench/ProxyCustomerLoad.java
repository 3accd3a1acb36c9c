package io.loyaltyloop.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.LongAdder;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.HdrHistogram.Histogram;

/**
 * Load driver for the storefront's {@code GET /proxy/customer} (quality sheet P3: 10,000 requests/s,
 * p99 ≤ 10 ms). Starts nothing: it drives an already running backend (and its seeded shop, see
 * {@link SeedProxyShop}) with a closed loop of C concurrent HTTP/1.1 requests, each signed as
 * Shopify's app proxy signs it (fresh timestamp, a customer drawn at random from the seeded ones),
 * and prints requests/s, p50, p90, p99 of the measured phase after a discarded warm-up.
 *
 * <p>System properties: {@code base} (http://127.0.0.1:8080), {@code shop}
 * (bench-proxy.myshopify.com), {@code customers} (1000: ids bench-1 … bench-N), {@code guests}
 * (0.0: share of guest requests), {@code concurrency} (16), {@code warmup} (10 s), {@code duration}
 * (30 s). The app secret comes from the environment, {@code SHOPIFY_API_SECRET}, as the backend's.
 */
public final class ProxyCustomerLoad {

    public static void main(String[] args) throws Exception {
        URI base = URI.create(System.getProperty("base", "http://127.0.0.1:8080"));
        String shop = System.getProperty("shop", SeedProxyShop.SHOP);
        int customers = Integer.getInteger("customers", 1000);
        double guests = Double.parseDouble(System.getProperty("guests", "0"));
        int concurrency = Integer.getInteger("concurrency", 16);
        int warmup = Integer.getInteger("warmup", 10);
        int duration = Integer.getInteger("duration", 30);
        String secret = System.getenv("SHOPIFY_API_SECRET");
        if (secret == null || secret.isBlank()) {
            System.err.println("set SHOPIFY_API_SECRET to the running backend's app secret");
            System.exit(2);
        }
        Signer signer = new Signer(secret, shop, customers, guests);
        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        System.out.printf(
                "ProxyCustomerLoad: GET %s/proxy/customer, shop %s, %d customers, %.0f%% guests, concurrency %d,"
                        + " warmup %d s, measured %d s, %d CPUs, load average before: %s%n",
                base,
                shop,
                customers,
                guests * 100,
                concurrency,
                warmup,
                duration,
                Runtime.getRuntime().availableProcessors(),
                loadAverage());
        Phase warm = run(client, base, signer, concurrency, Duration.ofSeconds(warmup));
        System.out.printf("warm-up: %,d × 200, %,d other%n", warm.ok, warm.other);
        Phase measured = run(client, base, signer, concurrency, Duration.ofSeconds(duration));
        Histogram h = measured.latency;
        System.out.printf(
                "%n=== GET /proxy/customer, %d in flight, %.1f s measured ===%n", concurrency, measured.seconds);
        System.out.printf("requests/s   %,.0f (200s only)%n", measured.ok / measured.seconds);
        System.out.printf(
                "requests     %,d × 200, %,d other (non-200 or transport error)%n", measured.ok, measured.other);
        System.out.printf(
                "latency ms   p50 %.2f  p90 %.2f  p99 %.2f  max %.2f%n",
                h.getValueAtPercentile(50) / 1e6,
                h.getValueAtPercentile(90) / 1e6,
                h.getValueAtPercentile(99) / 1e6,
                h.getMaxValue() / 1e6);
        System.out.printf("load average after: %s%n", loadAverage());
        System.exit(measured.other == 0 && measured.ok > 0 ? 0 : 1);
    }

    private static Phase run(HttpClient client, URI base, Signer signer, int concurrency, Duration duration)
            throws InterruptedException {
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        LongAdder ok = new LongAdder();
        LongAdder other = new LongAdder();
        List<Histogram> histograms = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < concurrency; t++) {
            Histogram histogram = new Histogram(Duration.ofSeconds(30).toNanos(), 3);
            histograms.add(histogram);
            threads.add(Thread.ofPlatform().name("client-" + t).start(() -> {
                while (System.nanoTime() < end) {
                    HttpRequest request = HttpRequest.newBuilder(base.resolve("/proxy/customer?" + signer.query()))
                            .timeout(Duration.ofSeconds(10))
                            .GET()
                            .build();
                    long sent = System.nanoTime();
                    try {
                        HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
                        long took = System.nanoTime() - sent;
                        if (response.statusCode() == 200) {
                            ok.increment();
                            histogram.recordValue(Math.min(took, histogram.getHighestTrackableValue()));
                        } else {
                            other.increment();
                        }
                    } catch (java.io.IOException e) {
                        other.increment();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        Histogram all = new Histogram(Duration.ofSeconds(30).toNanos(), 3);
        histograms.forEach(all::add);
        return new Phase(ok.sum(), other.sum(), (System.nanoTime() - start) / 1e9, all);
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }

    private record Phase(long ok, long other, double seconds, Histogram latency) {}

    /** Signs as the app proxy does: HMAC-SHA256 hex over the sorted key=value pairs, no separator. */
    private static final class Signer {

        private final byte[] secret;
        private final String shop;
        private final int customers;
        private final double guests;

        Signer(String secret, String shop, int customers, double guests) {
            this.secret = secret.getBytes(StandardCharsets.UTF_8);
            this.shop = shop;
            this.customers = customers;
            this.guests = guests;
        }

        String query() {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            String customer =
                    random.nextDouble() < guests ? "" : SeedProxyShop.customerId(1 + random.nextInt(customers));
            TreeMap<String, String> params = new TreeMap<>();
            params.put("logged_in_customer_id", customer);
            params.put("path_prefix", "/apps/loyalty");
            params.put("shop", shop);
            params.put("timestamp", Long.toString(System.currentTimeMillis() / 1000));
            StringBuilder message = new StringBuilder();
            StringBuilder query = new StringBuilder();
            params.forEach((key, value) -> {
                message.append(key).append('=').append(value);
                query.append(key)
                        .append('=')
                        .append(URLEncoder.encode(value, StandardCharsets.UTF_8))
                        .append('&');
            });
            return query.append("signature=").append(hmac(message.toString())).toString();
        }

        private String hmac(String message) {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(secret, "HmacSHA256"));
                return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
            } catch (java.security.GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
