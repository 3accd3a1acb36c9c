package io.loyaltyloop.bench;

import io.loyaltyloop.shopify.WebhookSignature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The HMAC part of P1 alone: {@link WebhookSignature#matches} — the backend's own check — over the
 * real {@code orders/create} fixture (14,893 bytes), with one and with two threads (the machine's
 * two cores). It is one of P1's physical limits: no ingest can verify faster than this.
 *
 * <p>Run from the repository root (it reads the fixture from app-backend's test resources, or
 * {@code -Dfixture=…}): {@code java -jar bench/target/benchmarks.jar HmacVerifyBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 5)
public class HmacVerifyBenchmark {

    private byte[] body;
    private String header;
    private WebhookSignature signature;

    @Setup
    public void setUp() throws IOException {
        body = Files.readAllBytes(Path.of(System.getProperty(
                "fixture", "app-backend/src/test/resources/shopify/webhooks-2026-07/orders__create.json")));
        String secret = "bench-secret-0123456789abcdef0123456789abcdef";
        header = WebhookSignature.sign(secret, body);
        signature = new WebhookSignature(List.of(secret));
    }

    @Benchmark
    @Threads(1)
    public boolean verify_1thread() {
        return check();
    }

    @Benchmark
    @Threads(2)
    public boolean verify_2threads() {
        return check();
    }

    private boolean check() {
        if (!signature.matches(body, header)) {
            throw new IllegalStateException("the signature must match");
        }
        return true;
    }
}
