package io.loyaltyloop.bench;

import io.loyaltyloop.loyalty.ApplyOutcome;
import io.loyaltyloop.loyalty.LedgerVerifier;
import io.loyaltyloop.loyalty.LoyaltyService;
import java.time.Clock;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Throughput of {@link LoyaltyService#apply} for realistic {@code OrderPaid} events: 3 lines, a
 * known customer picked at random from a pool of {@code customers}, a unique order id each, so every
 * call is a real first-time apply (claim, customer, account lock, order, lines, tier lookups, ledger
 * entry, commit). The score is events applied per second by all threads together.
 *
 * <p>Each benchmark runs in its own fork against a fresh embedded PostgreSQL 17 (same machine), with
 * {@code synchronousCommit=on} (PostgreSQL's default durability: each commit waits for its WAL
 * flush, fsync on) as the headline; {@code off} is the clearly-labelled second figure (a crash may
 * lose the last few hundred ms of acknowledged events, never corrupts). At the end of each trial
 * the books are checked with {@link LedgerVerifier}; a mismatch fails the benchmark.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 2, time = 10)
@Measurement(iterations = 3, time = 10)
public class ApplyEventsBenchmark {

    /** "on": PostgreSQL's default durability, the headline figure. "off": asynchronous commit. */
    @Param({"on", "off"})
    public String synchronousCommit;

    @Param({"10000"})
    public int customers;

    /** Prior orders per customer, seeded in bulk so the tables and the planner's statistics are real. */
    @Param({"5"})
    public int history;

    private BenchDatabase db;
    private Workload workload;
    private LoyaltyService service;
    private final AtomicLong sequence = new AtomicLong();

    @Setup(Level.Trial)
    public void start() {
        db = BenchDatabase.start(BenchDatabase.Options.fromSystemProperties().withSynchronousCommit(synchronousCommit));
        System.out.println("\nPostgreSQL: " + db.describe());
        workload = Workload.create(db.plainDsl(), customers, history);
        service = new LoyaltyService(db.dsl(), Clock.systemUTC());
    }

    @TearDown(Level.Trial)
    public void stop() {
        try {
            LedgerVerifier.Report report =
                    new LedgerVerifier(db.plainDsl()).verifyAll(m -> System.out.println("MISMATCH " + m));
            System.out.printf("%n%,d events applied; ledger verify: %s%n", sequence.get(), report);
            if (!report.ok()) {
                throw new IllegalStateException("ledger verify failed: " + report);
            }
        } finally {
            db.close();
        }
    }

    private ApplyOutcome applyOne() {
        ApplyOutcome outcome = service.apply(workload.event(sequence.getAndIncrement(), ThreadLocalRandom.current()));
        if (outcome != ApplyOutcome.APPLIED) {
            throw new IllegalStateException("a fresh event was not applied: " + outcome);
        }
        return outcome;
    }

    @Benchmark
    @Threads(1)
    public ApplyOutcome apply_1thread() {
        return applyOne();
    }

    @Benchmark
    @Threads(4)
    public ApplyOutcome apply_4threads() {
        return applyOne();
    }

    @Benchmark
    @Threads(8)
    public ApplyOutcome apply_8threads() {
        return applyOne();
    }
}
