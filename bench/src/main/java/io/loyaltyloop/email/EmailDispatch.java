package io.loyaltyloop.email;

import static io.loyaltyloop.db.Tables.EMAIL_OUTBOX;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.loyaltyloop.bench.BenchDatabase;
import io.loyaltyloop.bench.CpuMeter;
import io.loyaltyloop.journey.StepKind;
import io.loyaltyloop.shop.Shop;
import io.loyaltyloop.shop.ShopService;
import io.loyaltyloop.system.LinkSigner;
import io.loyaltyloop.system.LinksProperties;
import io.loyaltyloop.testing.Shops;
import java.math.BigDecimal;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.jooq.DSLContext;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Load driver for email dispatch (quality sheet P5: ≥ 500 messages/s rendered and sent to a local
 * SMTP server). In this package because it wires the email feature's package-private classes by
 * hand, exactly as {@code EmailConfiguration} does, without Spring.
 *
 * <p>Starts {@link BenchDatabase}'s embedded PostgreSQL (fsync and synchronous commit on) and a
 * GreenMail SMTP server on 127.0.0.1, registers one shop with N customers, then for a warm-up set
 * and a measured set: <b>enqueue</b> ({@code EmailOutbox.enqueue}: the shop's template lookup,
 * unsubscribe check, rendering the SHIPPED template's three parts in the Liquid sandbox, storing
 * the outbox row — T threads) and <b>drain</b> ({@code EmailSender.sendDue}: lease with SKIP
 * LOCKED, mark SENDING, build the MIME message, SMTP, record the attempt — T threads, one SMTP
 * connection each per batch). Prints messages/s for each phase and end to end, and checks that
 * every message arrived exactly once (exit code 1 otherwise).
 *
 * <p>System properties: {@code messages} (20,000 measured), {@code warmup} (3,000), {@code
 * threads} (4), {@code batch} (50 per lease and SMTP connection), and {@link BenchDatabase}'s
 * ({@code synchronousCommit}, {@code poolSize}, {@code dataDir}).
 */
public final class EmailDispatch {

    /** The quality sheet's P5 target. */
    private static final double TARGET_PER_SECOND = 500;

    public static void main(String[] args) throws Exception {
        int messages = Integer.getInteger("messages", 20_000);
        int warmup = Integer.getInteger("warmup", 3_000);
        int threads = Integer.getInteger("threads", 4);
        int batch = Integer.getInteger("batch", 50);

        GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
        try (BenchDatabase db = BenchDatabase.start(BenchDatabase.Options.fromSystemProperties())) {
            System.out.println("database: " + db.describe());
            DSLContext dsl = db.plainDsl();
            Clock clock = Clock.systemUTC();
            Shop shop = Shops.newShop(dsl, "EUR", "Europe/Berlin");
            List<Long> customers = dsl.resultQuery(
                            "insert into customer (shop_id, external_id, email, first_name)"
                                    + " select ?, 'c' || i, 'c' || i || '@customers.test', 'Ada'"
                                    + " from generate_series(1, ?) i returning customer_id",
                            shop.id().value(),
                            warmup + messages)
                    .fetch(r -> r.get(0, Long.class));

            EmailProperties properties = new EmailProperties(
                    "loyalty@bench.test",
                    false,
                    threads,
                    Duration.ofSeconds(1),
                    batch,
                    Duration.ofMinutes(5),
                    Duration.ofSeconds(30),
                    Duration.ofHours(1),
                    16,
                    Duration.ofDays(365));
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            DefaultTemplates defaults = new DefaultTemplates();
            TemplateRenderer renderer = new TemplateRenderer(TemplateLimits.DEFAULT, defaults.layout());
            ShopService shops = new ShopService(dsl, clock);
            EmailTemplates templates =
                    new EmailTemplates(new EmailTemplateRepository(dsl), defaults, renderer, shops, clock);
            UnsubscribeLinks links = new UnsubscribeLinks(
                    new LinkSigner(key),
                    new LinksProperties(URI.create("https://loyalty.example.com"), null),
                    properties);
            OutboxRepository repository = new OutboxRepository(dsl);
            OutboxService outbox = new OutboxService(repository, templates, links, properties, clock);
            JavaMailSenderImpl mail = new JavaMailSenderImpl();
            mail.setHost("127.0.0.1");
            mail.setPort(smtp.getSmtp().getPort());
            EmailSender sender = new EmailSender(repository, mail, properties, clock);

            System.out.printf("warm-up: %,d messages%n", warmup);
            run(outbox, sender, shop, customers.subList(0, warmup), threads, batch, "warmup", null);
            System.out.printf("measured: %,d messages, %d threads, batches of %d%n", messages, threads, batch);
            CpuMeter cpu = new CpuMeter(db.postmasterPid());
            Result r =
                    run(outbox, sender, shop, customers.subList(warmup, warmup + messages), threads, batch, "m", cpu);

            int received = smtp.getReceivedMessages().length;
            int sent = dsl.fetchCount(EMAIL_OUTBOX, EMAIL_OUTBOX.STATUS.eq("SENT"));
            double endToEnd = messages / (r.enqueueSeconds + r.drainSeconds);
            System.out.printf(
                    "enqueue (render + store): %,.0f messages/s (%.2f s)%n",
                    messages / r.enqueueSeconds, r.enqueueSeconds);
            System.out.printf(
                    "drain (lease + SMTP + record): %,.0f messages/s (%.2f s)%n",
                    messages / r.drainSeconds, r.drainSeconds);
            System.out.printf(
                    "end to end: %,.0f messages/s rendered and sent (target %,.0f)%n", endToEnd, TARGET_PER_SECOND);
            printLatency("enqueue latency per message", r.enqueueLatency());
            printLatency("drain latency per lease of up to " + batch + " (lease + SMTP + record)", r.drainLatency());
            printCpu("enqueue", r.enqueueCpu(), messages);
            printCpu("drain (JVM includes GreenMail)", r.drainCpu(), messages);
            System.out.printf("SMTP received %,d, outbox SENT %,d, expected %,d%n", received, sent, warmup + messages);
            boolean ok = received == warmup + messages && sent == warmup + messages;
            System.out.println(ok ? "every message arrived exactly once" : "MISMATCH");
            smtp.stop();
            System.exit(ok ? 0 : 1);
        }
    }

    /** Latencies per call: one enqueue is one message, one drain call is one lease of up to a batch. */
    private record Result(
            double enqueueSeconds,
            double drainSeconds,
            CpuMeter.Sample enqueueCpu,
            CpuMeter.Sample drainCpu,
            Histogram enqueueLatency,
            Histogram drainLatency) {}

    private static Histogram latencies() {
        return new Histogram(Duration.ofMinutes(1).toNanos(), 3);
    }

    private static void printLatency(String what, Histogram h) {
        System.out.printf(
                "%s ms: p50 %.2f  p90 %.2f  p99 %.2f  max %.2f  (%,d calls)%n",
                what,
                h.getValueAtPercentile(50) / 1e6,
                h.getValueAtPercentile(90) / 1e6,
                h.getValueAtPercentile(99) / 1e6,
                h.getMaxValue() / 1e6,
                h.getTotalCount());
    }

    /**
     * CPU per message, and what that would allow on this machine's 2 cores if nothing else ran: the
     * machine is shared, so wall-clock rates depend on the other tenants' load.
     */
    private static void printCpu(String phase, CpuMeter.Sample used, int messages) {
        double jvm = used.jvm().toNanos() / 1e3 / messages;
        double pg = used.postgres().toNanos() / 1e3 / messages;
        System.out.printf(
                "%s CPU per message: JVM %.0f µs + PostgreSQL %.0f µs → %,.0f messages/s on 2 idle cores%n",
                phase, jvm, pg, 2e6 / (jvm + pg));
    }

    private static Result run(
            OutboxService outbox,
            EmailSender sender,
            Shop shop,
            List<Long> customers,
            int threads,
            int batch,
            String tag,
            CpuMeter cpu)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            AtomicInteger next = new AtomicInteger();
            CpuMeter.Sample c0 = cpu == null ? null : cpu.sample();
            long t0 = System.nanoTime();
            List<Future<?>> work = new ArrayList<>();
            Histogram enqueueLatency = latencies();
            Histogram drainLatency = latencies();
            for (int t = 0; t < threads; t++) {
                Histogram mine = latencies();
                work.add(pool.submit(() -> {
                    int i;
                    while ((i = next.getAndIncrement()) < customers.size()) {
                        long customer = customers.get(i);
                        long start = System.nanoTime();
                        outbox.enqueue(email(shop, customer, tag + ":" + i));
                        mine.recordValue(System.nanoTime() - start);
                    }
                    synchronized (enqueueLatency) {
                        enqueueLatency.add(mine);
                    }
                }));
            }
            for (Future<?> f : work) {
                f.get();
            }
            long t1 = System.nanoTime();
            CpuMeter.Sample c1 = cpu == null ? null : cpu.sample();
            LongAdder taken = new LongAdder();
            work.clear();
            for (int t = 0; t < threads; t++) {
                Histogram mine = latencies();
                work.add(pool.submit(() -> {
                    int n;
                    long start = System.nanoTime();
                    while ((n = sender.sendDue(batch)) > 0) {
                        mine.recordValue(System.nanoTime() - start);
                        taken.add(n);
                        start = System.nanoTime();
                    }
                    synchronized (drainLatency) {
                        drainLatency.add(mine);
                    }
                }));
            }
            for (Future<?> f : work) {
                f.get();
            }
            long t2 = System.nanoTime();
            CpuMeter.Sample c2 = cpu == null ? null : cpu.sample();
            if (taken.sum() != customers.size()) {
                System.out.printf("note: %,d taken for %,d enqueued%n", taken.sum(), customers.size());
            }
            return new Result(
                    (t1 - t0) / 1e9,
                    (t2 - t1) / 1e9,
                    cpu == null ? null : c1.minus(c0),
                    cpu == null ? null : c2.minus(c1),
                    enqueueLatency,
                    drainLatency);
        } finally {
            pool.shutdown();
        }
    }

    private static OutgoingEmail email(Shop shop, long customer, String key) {
        return new OutgoingEmail(
                shop.id(),
                key,
                StepKind.SHIPPED,
                // 100 mailboxes: GreenMail finds a user's mailbox by a linear scan over all of them,
                // so one address per customer would measure GreenMail's lookup, not the dispatch.
                "c" + (customer % 100) + "@customers.test",
                "Ada Lovelace",
                customer,
                Locale.GERMANY,
                Map.of(
                        "customer", Map.of("first_name", "Ada"),
                        "order",
                                Map.of(
                                        "name",
                                        "#" + (1000 + customer),
                                        "total",
                                        new BigDecimal("84.90"),
                                        "placed_at",
                                        Instant.parse("2026-11-01T10:15:00Z")),
                        "tracking",
                                Map.of(
                                        "company", "DHL",
                                        "number", "00340434161094042557",
                                        "url", "https://www.dhl.de/track?id=00340434161094042557")));
    }
}
