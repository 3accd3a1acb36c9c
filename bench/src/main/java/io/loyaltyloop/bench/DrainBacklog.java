package io.loyaltyloop.bench;

import static io.loyaltyloop.db.Tables.POINTS_LEDGER;
import static io.loyaltyloop.db.Tables.PROCESSED_EVENT;
import static io.loyaltyloop.db.Tables.SHOP_ORDER;

import io.loyaltyloop.journey.JourneyPlanner;
import io.loyaltyloop.journey.JourneySettings;
import io.loyaltyloop.lifecycle.OrderPaid;
import io.loyaltyloop.loyalty.ApplyOutcome;
import io.loyaltyloop.loyalty.LedgerVerifier;
import io.loyaltyloop.loyalty.LoyaltyService;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.jooq.DSLContext;
import org.jooq.ExecuteListener;
import org.jooq.TransactionListener;

/**
 * Load driver: pre-generates a backlog of {@code OrderPaid} events, drains it through
 * {@link LoyaltyService#apply} with T worker threads, and prints events/s, per-event latency and
 * the time to drain, then checks the books with {@link LedgerVerifier} (exit code 1 on any
 * mismatch or failed event).
 *
 * <p>System properties: {@code events} (100000), {@code threads} (4), {@code customers} (10000),
 * {@code history} (5 prior orders per customer, seeded in bulk before the drain),
 * {@code arrival} (time: in payment order, as live webhooks come; random: the worst case),
 * {@code batch} (1 event per transaction), {@code seed} (42), {@code synchronousCommit} (on: PostgreSQL's default durability; "off" for the
 * labelled second figure), {@code warmup} (0 events applied and discarded before the measured
 * drain), {@code profile} (false: count and time every SQL statement, and ask pg_stat_statements),
 * {@code dataDir} (a fresh temp directory).
 */
public final class DrainBacklog {

    /** The quality sheet's P2 target. */
    private static final double TARGET_EVENTS_PER_SECOND = 3000;

    private static final long TARGET_DRAIN_MILLION_SECONDS = 6 * 60;

    public static void main(String[] args) throws Exception {
        int events = Integer.getInteger("events", 100_000);
        int threads = Integer.getInteger("threads", 4);
        int customers = Integer.getInteger("customers", 10_000);
        long seed = Long.getLong("seed", 42);
        int warmup = Integer.getInteger("warmup", 0);
        int history = Integer.getInteger("history", 5);
        boolean profile = Boolean.getBoolean("profile");

        BenchDatabase.Options options = BenchDatabase.Options.fromSystemProperties()
                .withStatementStats(profile || Boolean.getBoolean("pgStatStatements"));
        System.out.printf(
                "DrainBacklog: %,d OrderPaid events (3 lines), %d threads, %,d customers with %d prior orders each,"
                        + " warmup %,d, profile %s,"
                        + " %d events per transaction, JVM %s, %d CPUs%n",
                events,
                threads,
                customers,
                history,
                warmup,
                profile,
                BATCH,
                Runtime.version(),
                Runtime.getRuntime().availableProcessors());

        int exit;
        try (BenchDatabase db = BenchDatabase.start(options)) {
            System.out.println("PostgreSQL: " + db.describe());
            exit = run(db, events, threads, customers, history, seed, warmup, profile);
        }
        System.exit(exit);
    }

    private static int run(
            BenchDatabase db,
            int events,
            int threads,
            int customers,
            int history,
            long seed,
            int warmup,
            boolean profile)
            throws InterruptedException {
        StatementStats stats = new StatementStats();
        DSLContext dsl =
                profile ? db.dsl(List.<ExecuteListener>of(stats), List.<TransactionListener>of(stats)) : db.dsl();
        long seedStart = System.nanoTime();
        Workload workload = Workload.create(db.plainDsl(), customers, history);
        System.out.printf(
                "seeded %,d customers and %,d prior orders in %d ms%n",
                customers, (long) customers * history, (System.nanoTime() - seedStart) / 1_000_000);
        // -Djourney=false measures the engine without journey planning (the figures before issue 4).
        boolean journey = Boolean.parseBoolean(System.getProperty("journey", "true"));
        System.out.println("journey planning: " + (journey ? "on" : "off"));
        LoyaltyService service = journey
                ? new LoyaltyService(dsl, Clock.systemUTC(), new JourneyPlanner(dsl, JourneySettings.DEFAULTS))
                : new LoyaltyService(dsl, Clock.systemUTC());

        long generateStart = System.nanoTime();
        SplittableRandom random = new SplittableRandom(seed);
        List<OrderPaid> backlog = new ArrayList<>(events + warmup);
        for (int i = 0; i < events + warmup; i++) {
            backlog.add(workload.event(i, random));
        }
        if (ARRIVAL.equals("time")) {
            // Live webhooks arrive close to when they happen: in payment order, give or take the
            // interleaving of the worker threads. "random" is the worst case for the tier re-check:
            // every event finds, on average, half of its customer's applied orders paid after it.
            backlog.sort(java.util.Comparator.comparing(OrderPaid::paidAt));
        } else if (!ARRIVAL.equals("random")) {
            throw new IllegalArgumentException("-Darrival must be time or random");
        }
        System.out.printf(
                "generated %,d events in %d ms (shop %s), arriving in %s order%n",
                backlog.size(), (System.nanoTime() - generateStart) / 1_000_000, workload.shop(), ARRIVAL);

        if (warmup > 0) {
            Result w = drain(service, backlog.subList(0, warmup), threads, null);
            System.out.printf(
                    "warm-up: %,d events in %.1f s (%.0f events/s), not counted%n",
                    warmup, w.seconds(), warmup / w.seconds());
        }
        stats.reset();
        RetryCounter.reset();
        if (profile) {
            db.plainDsl().execute("select pg_stat_statements_reset()");
            db.plainDsl().execute("select pg_stat_reset()");
        }
        var walBefore = wal(db.plainDsl());
        CpuMeter cpu = new CpuMeter(db.postmasterPid());
        CpuMeter.Sample cpuBefore = cpu.sample();

        Result r = drain(service, backlog.subList(warmup, backlog.size()), threads, cpuProgress());

        CpuMeter.Sample used = cpu.sample().minus(cpuBefore);
        // Backends flush their cumulative statistics (WAL, table counters) when idle, within 10 s.
        Thread.sleep(Duration.ofSeconds(11));
        var walAfter = wal(db.plainDsl());

        Histogram h = r.latency();
        double rate = events / r.seconds();
        System.out.printf("%n=== drained %,d events with %d threads (%s) ===%n", events, threads, db.settings());
        System.out.printf("time to drain      %.1f s%n", r.seconds());
        System.out.printf(
                "throughput         %.0f events/s   (P2 target ≥ %.0f/s: %s)%n",
                rate, TARGET_EVENTS_PER_SECOND, rate >= TARGET_EVENTS_PER_SECOND ? "met" : "NOT met");
        System.out.printf(
                "latency per event  p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, p99.9 %.2f ms, max %.2f ms%n",
                h.getValueAtPercentile(50) / 1e3,
                h.getValueAtPercentile(90) / 1e3,
                h.getValueAtPercentile(99) / 1e3,
                h.getValueAtPercentile(99.9) / 1e3,
                h.getMaxValue() / 1e3);
        double millionSeconds = 1_000_000 / rate;
        System.out.printf(
                "1,000,000 backlog  ≈ %.1f min at this rate (P2 target ≤ %d min: %s)%n",
                millionSeconds / 60,
                TARGET_DRAIN_MILLION_SECONDS / 60,
                millionSeconds <= TARGET_DRAIN_MILLION_SECONDS ? "met" : "NOT met");
        System.out.printf(
                "outcomes           %,d applied, %,d duplicate, %,d failed, %,d transaction retries%n",
                r.applied(), r.duplicates(), r.failures().size(), RetryCounter.retries());
        double wallSeconds = used.wallNanos() / 1e9;
        System.out.printf(
                "CPU                JVM %.2f cores (%.0f µs/event), PostgreSQL ≥ %.2f cores (%.0f µs/event),"
                        + " of %d%n",
                used.jvm().toNanos() / 1e9 / wallSeconds,
                used.jvm().toNanos() / 1e3 / events,
                used.postgres().toNanos() / 1e9 / wallSeconds,
                used.postgres().toNanos() / 1e3 / events,
                Runtime.getRuntime().availableProcessors());
        double cpuPerEventMicros = (used.jvm().toNanos() + used.postgres().toNanos()) / 1e3 / events;
        System.out.printf(
                "CPU ceiling        %.0f µs CPU/event in total → at most %.0f events/s on %d cores if CPU-bound"
                        + " (P2 needs ≤ %.0f µs/event on 2 cores)%n",
                cpuPerEventMicros,
                Runtime.getRuntime().availableProcessors() * 1e6 / cpuPerEventMicros,
                Runtime.getRuntime().availableProcessors(),
                2 * 1e6 / TARGET_EVENTS_PER_SECOND);
        if (walBefore != null && walAfter != null) {
            System.out.printf(
                    "WAL                %.0f records/event, %.0f full-page images/event, %.1f kB/event, %.0f WAL"
                            + " syncs/s%n",
                    (walAfter.records() - walBefore.records()) / (double) events,
                    (walAfter.fpi() - walBefore.fpi()) / (double) events,
                    (walAfter.bytes() - walBefore.bytes()) / 1024.0 / events,
                    (walAfter.syncs() - walBefore.syncs()) / r.seconds());
        }
        if (profile) {
            System.out.println("\n=== client-side statement profile (jOOQ ExecuteListener) ===");
            System.out.print(stats.report(events, r.applyNanos()));
            System.out.println("\n=== server-side (pg_stat_statements), top by total time ===");
            printServerStatements(db.plainDsl(), events);
            System.out.println("\n=== row writes per event (pg_stat_user_tables) ===");
            printTableWrites(db.plainDsl(), events);
        }
        if (!r.failures().isEmpty()) {
            System.out.println("first failure:");
            r.failures().peek().printStackTrace(System.out);
        }

        DSLContext check = db.plainDsl();
        System.out.printf(
                "rows               %,d processed events, %,d orders, %,d ledger entries%n",
                check.fetchCount(
                        PROCESSED_EVENT,
                        PROCESSED_EVENT.SHOP_ID.eq(workload.shop().value())),
                check.fetchCount(
                        SHOP_ORDER, SHOP_ORDER.SHOP_ID.eq(workload.shop().value())),
                check.fetchCount(
                        POINTS_LEDGER, POINTS_LEDGER.SHOP_ID.eq(workload.shop().value())));
        long verifyStart = System.nanoTime();
        LedgerVerifier.Report report = new LedgerVerifier(check).verifyAll(m -> System.out.println("MISMATCH " + m));
        System.out.printf("ledger verify      %s (%d ms)%n", report, (System.nanoTime() - verifyStart) / 1_000_000);
        return report.ok() && r.failures().isEmpty() && r.applied() == events ? 0 : 1;
    }

    record Result(
            double seconds,
            Histogram latency,
            long applied,
            long duplicates,
            ConcurrentLinkedQueue<Throwable> failures,
            long applyNanos) {}

    /** In which order the backlog arrives ({@code -Darrival}): {@code time} (paid order) or {@code random}. */
    private static final String ARRIVAL = System.getProperty("arrival", "time");

    /** Events per transaction ({@code -Dbatch}); 1 applies each alone. Latency is then per batch. */
    private static final int BATCH = Integer.getInteger("batch", 1);

    private static Result drain(
            LoyaltyService service, List<OrderPaid> events, int threads, ProgressPrinter progressPrinter)
            throws InterruptedException {
        AtomicInteger cursor = new AtomicInteger();
        LongAdder applied = new LongAdder();
        LongAdder duplicates = new LongAdder();
        LongAdder applyNanos = new LongAdder();
        ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
        List<Histogram> histograms = new ArrayList<>();
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Histogram histogram = new Histogram(3_600_000_000L, 3);
            histograms.add(histogram);
            workers.add(Thread.ofPlatform().name("drain-" + t).start(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int i; (i = cursor.getAndAdd(BATCH)) < events.size(); ) {
                    long began = System.nanoTime();
                    try {
                        if (BATCH == 1) {
                            if (service.apply(events.get(i)) == ApplyOutcome.APPLIED) {
                                applied.increment();
                            } else {
                                duplicates.increment();
                            }
                        } else {
                            var batch = events.subList(i, Math.min(i + BATCH, events.size()));
                            for (var result : service.applyAll(batch)) {
                                switch (result.outcome()) {
                                    case APPLIED -> applied.increment();
                                    case DUPLICATE -> duplicates.increment();
                                    case REJECTED -> failures.add(new IllegalStateException(result.error()));
                                }
                            }
                        }
                    } catch (RuntimeException e) {
                        failures.add(e);
                    }
                    long took = System.nanoTime() - began;
                    applyNanos.add(took);
                    histogram.recordValue(Math.max(1, took / 1000));
                }
            }));
        }
        long began = System.nanoTime();
        start.countDown();
        Thread progress = progressPrinter == null
                ? null
                : Thread.ofPlatform().daemon().start(() -> progressPrinter.run(cursor, events.size(), began));
        for (Thread worker : workers) {
            worker.join();
        }
        double seconds = (System.nanoTime() - began) / 1e9;
        if (progress != null) {
            progress.interrupt();
        }
        Histogram merged = new Histogram(3_600_000_000L, 3);
        histograms.forEach(merged::add);
        return new Result(seconds, merged, applied.sum(), duplicates.sum(), failures, applyNanos.sum());
    }

    interface ProgressPrinter {
        void run(AtomicInteger cursor, int total, long began);
    }

    /** Every 10 s: how far, and the rate over the last interval (to see whether it is sustained). */
    private static ProgressPrinter cpuProgress() {
        return (cursor, total, began) -> {
            int last = 0;
            long lastAt = began;
            while (true) {
                try {
                    Thread.sleep(Duration.ofSeconds(10));
                } catch (InterruptedException e) {
                    return;
                }
                int done = Math.min(cursor.get(), total);
                long at = System.nanoTime();
                System.out.printf(
                        "  %5.0f s  %,9d / %,d  interval %.0f events/s%n",
                        (at - began) / 1e9, done, total, (done - last) / ((at - lastAt) / 1e9));
                last = done;
                lastAt = at;
            }
        };
    }

    record Wal(long records, long fpi, long bytes, long syncs) {}

    private static Wal wal(DSLContext dsl) {
        try {
            var r = dsl.fetchOne("select wal_records, wal_fpi, wal_bytes::bigint, wal_sync from pg_stat_wal");
            return new Wal(r.get(0, Long.class), r.get(1, Long.class), r.get(2, Long.class), r.get(3, Long.class));
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static void printServerStatements(DSLContext dsl, int events) {
        var rows = dsl.fetch("""
            select calls, total_exec_time, mean_exec_time, rows, shared_blks_hit, shared_blks_read, query
            from pg_stat_statements
            where query not ilike '%pg_stat%'
            order by total_exec_time desc
            limit 30
            """);
        double total = rows.stream()
                .mapToDouble(r -> r.get("total_exec_time", Double.class))
                .sum();
        System.out.printf("%6s %9s %7s %6s %8s  %s%n", "per ev", "mean µs", "share", "rows", "blk/ev", "query");
        for (var r : rows) {
            long calls = r.get("calls", Long.class);
            System.out.printf(
                    "%6.2f %9.1f %6.1f%% %6.2f %8.1f  %s%n",
                    calls / (double) events,
                    r.get("mean_exec_time", Double.class) * 1000,
                    100 * r.get("total_exec_time", Double.class) / total,
                    r.get("rows", Long.class) / (double) Math.max(1, calls),
                    (r.get("shared_blks_hit", Long.class) + r.get("shared_blks_read", Long.class)) / (double) events,
                    StatementStats.shorten(r.get("query", String.class).replaceAll("\\s+", " ")));
        }
        System.out.printf("server execution time total %.0f µs/event (sum of the rows above)%n", total * 1000 / events);
    }

    private static void printTableWrites(DSLContext dsl, int events) {
        var rows = dsl.fetch("""
            select relname, n_tup_ins, n_tup_upd, n_tup_hot_upd, n_tup_del, n_dead_tup
            from pg_stat_user_tables
            where n_tup_ins + n_tup_upd + n_tup_del > 0
            order by n_tup_ins + n_tup_upd desc
            """);
        System.out.printf("%-18s %7s %7s %9s%n", "table", "ins/ev", "upd/ev", "HOT upd %");
        for (var r : rows) {
            long upd = r.get("n_tup_upd", Long.class);
            System.out.printf(
                    "%-18s %7.2f %7.2f %8.0f%%%n",
                    r.get("relname", String.class),
                    r.get("n_tup_ins", Long.class) / (double) events,
                    upd / (double) events,
                    upd == 0 ? 0 : 100.0 * r.get("n_tup_hot_upd", Long.class) / upd);
        }
    }
}
