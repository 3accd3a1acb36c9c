package io.loyaltyloop.shopify.importing;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.loyaltyloop.db.tables.records.OrderImportRecord;
import io.loyaltyloop.lifecycle.OrderLifecycleEvent;
import io.loyaltyloop.loyalty.ApplyResult;
import io.loyaltyloop.loyalty.LedgerVerifier;
import io.loyaltyloop.loyalty.LoyaltyService;
import io.loyaltyloop.shop.NewShop;
import io.loyaltyloop.shop.Platform;
import io.loyaltyloop.shop.Shop;
import io.loyaltyloop.shop.ShopId;
import io.loyaltyloop.shop.ShopService;
import io.loyaltyloop.shopify.mapping.BulkJsonl;
import io.loyaltyloop.shopify.mapping.BulkOrder;
import io.loyaltyloop.shopify.mapping.BulkOrderPayloads;
import io.loyaltyloop.testing.MutableClock;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.HdrHistogram.Histogram;
import org.flywaydb.core.Flyway;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.jooq.impl.DataSourceConnectionProvider;
import org.jooq.impl.DefaultConfiguration;
import org.jooq.impl.ThreadLocalTransactionProvider;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * P4 (historical import, 1,000,000 orders in ≤ 60 s), run by hand, never by the build (its name is
 * not a test's). It lives next to the import because the import is package-private in the backend,
 * which the bench module cannot depend on (the backend jar is repackaged by Spring Boot).
 *
 * <ol>
 *   <li>writes a JSONL file of {@code -Dorders} orders in the bulk format (2 lines each, every 10th
 *       with a refund line, every 2nd with a fulfillment; 10,000 customers);
 *   <li>reads it: parse only, then parse + map to events (no database);
 *   <li>parse + map + apply of the first {@code -DapplyOrders} orders into an embedded PostgreSQL 17
 *       with PostgreSQL's default durability (fsync on, synchronous_commit on), or into the external
 *       server of {@code -DdatabaseUrl=jdbc:postgresql://…} (its schema {@code public} is dropped and
 *       migrated afresh: a benchmark-only cluster, e.g. {@code bench/external-postgres.sh}), through {@link
 *       OrderImportReader} in batches of {@code -Dbatch} events, then verifies the ledger.
 * </ol>
 *
 * See {@code docs/order-import.md} for how to run it and the figures.
 */
public final class ImportThroughput {

    private static final String OPERATION = "gid://shopify/BulkOperation/1";

    private ImportThroughput() {}

    public static void main(String[] args) throws Exception {
        int orders = Integer.getInteger("orders", 1_000_000);
        int applyOrders = Integer.getInteger("applyOrders", 50_000);
        int batch = Integer.getInteger("batch", 1000);
        Path file = Files.createTempFile("loyalty-import", ".jsonl");
        try {
            long t0 = System.nanoTime();
            long objects = write(file, orders);
            report("write file", orders, t0, "%,d objects, %,d MB".formatted(objects, Files.size(file) >> 20));

            cpuAtLastReport = cpuNanos();
            t0 = System.nanoTime();
            long[] parsed = new long[1];
            read(file, objects, new Counting(order -> parsed[0]++));
            report("parse only", parsed[0], t0, "");

            ShopId shop = new ShopId(1);
            t0 = System.nanoTime();
            long[] events = new long[1];
            read(
                    file,
                    objects,
                    new Counting(order -> events[0] +=
                            BulkOrderPayloads.events(shop, OPERATION, order).size()));
            report("parse + map", orders, t0, "%,d events".formatted(events[0]));

            Path small = Files.createTempFile("loyalty-import-apply", ".jsonl");
            try {
                long smallObjects = write(small, applyOrders);
                apply(small, smallObjects, applyOrders, batch);
            } finally {
                Files.deleteIfExists(small);
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static void apply(Path file, long objects, int orders, int batch) throws Exception {
        String external = System.getProperty("databaseUrl", "").trim();
        if (!external.isEmpty()) {
            PGSimpleDataSource ds = new PGSimpleDataSource();
            ds.setUrl(external);
            // A benchmark-only cluster (bench/external-postgres.sh): its schema is rebuilt each run.
            DSL.using(ds, SQLDialect.POSTGRES).execute("drop schema if exists public cascade; create schema public");
            apply(ds, file, objects, orders, batch);
            return;
        }
        Path data = Files.createTempDirectory("loyalty-import-pg");
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(data)
                .setCleanDataDirectory(true)
                .setPGStartupWait(Duration.ofSeconds(60))
                // PostgreSQL's defaults, which zonky overrides (-F and synchronous_commit=off).
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                .start()) {
            PGSimpleDataSource ds = new PGSimpleDataSource();
            ds.setUrl(postgres.getJdbcUrl("postgres", "postgres"));
            ds.setUser("postgres");
            apply(ds, file, objects, orders, batch);
        }
    }

    private static void apply(PGSimpleDataSource ds, Path file, long objects, int orders, int batch) throws Exception {
        Flyway.configure().dataSource(ds).load().migrate();
        HikariConfig config = new HikariConfig();
        config.setDataSource(ds);
        config.setMaximumPoolSize(4);
        try (HikariDataSource pool = new HikariDataSource(config)) {
            DataSourceConnectionProvider connections = new DataSourceConnectionProvider(pool);
            DSLContext dsl = DSL.using(new DefaultConfiguration()
                    .set(SQLDialect.POSTGRES)
                    .set(connections)
                    .set(new ThreadLocalTransactionProvider(connections)));
            MutableClock clock = new MutableClock(Instant.parse("2026-06-01T00:00:00Z"));
            Shop shop = new ShopService(dsl, clock)
                    .register(new NewShop(Platform.SHOPIFY, "bench.myshopify.com", "Bench", "USD", "UTC"));
            OrderImportRepository imports = new OrderImportRepository(dsl);
            imports.request(shop.id().value(), clock.instant());
            OrderImportRecord row =
                    imports.dueStarts(Instant.parse("2100-01-01T00:00:00Z"), 1).getFirst();
            imports.started(row, OPERATION, clock.instant());
            row = imports.findByOperation(shop.id().value(), OPERATION).orElseThrow();
            imports.claimRead(row, clock.instant(), clock.instant().plus(Duration.ofMinutes(5)));
            Histogram perBatch = new Histogram(Duration.ofMinutes(10).toNanos(), 3);
            OrderImportReader reader = new OrderImportReader(
                    new TimedLoyalty(dsl, clock, perBatch), imports, batch, Duration.ofMinutes(5), clock);
            System.out.println(
                    "database: " + dsl.fetchValue("select version()") + ", fsync=" + dsl.fetchValue("show fsync")
                            + ", synchronous_commit=" + dsl.fetchValue("show synchronous_commit"));

            cpuAtLastReport = cpuNanos();
            long t0 = System.nanoTime();
            try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                reader.read(shop.id(), row, in, objects);
            }
            OrderImportRecord done =
                    imports.findByOperation(shop.id().value(), OPERATION).orElseThrow();
            long applied = done.getEventsApplied();
            report(
                    "parse + map + apply",
                    orders,
                    t0,
                    "%,d events applied (%,.0f events/s), %,d rejected, batches of %d; ledger ok: %s"
                            .formatted(
                                    applied,
                                    applied / seconds(t0),
                                    done.getEventsRejected(),
                                    batch,
                                    new LedgerVerifier(dsl)
                                            .verify(shop.id(), m -> {})
                                            .ok()));
            System.out.printf(
                    "%-20s per batch of %,d events, ms: p50 %.0f  p90 %.0f  p99 %.0f  max %.0f  (%,d batches)%n",
                    "",
                    batch,
                    perBatch.getValueAtPercentile(50) / 1e6,
                    perBatch.getValueAtPercentile(90) / 1e6,
                    perBatch.getValueAtPercentile(99) / 1e6,
                    perBatch.getMaxValue() / 1e6,
                    perBatch.getTotalCount());
        }
    }

    /** The engine as the import calls it, timing each batch it is handed (one transaction each). */
    private static final class TimedLoyalty extends LoyaltyService {
        private final Histogram perBatch;

        TimedLoyalty(DSLContext dsl, Clock clock, Histogram perBatch) {
            super(dsl, clock);
            this.perBatch = perBatch;
        }

        @Override
        public List<ApplyResult> applyAll(List<? extends OrderLifecycleEvent> events) {
            long start = System.nanoTime();
            try {
                return super.applyAll(events);
            } finally {
                perBatch.recordValue(System.nanoTime() - start);
            }
        }
    }

    private static void read(Path file, long objects, BulkJsonl.Sink sink) throws IOException {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            BulkJsonl.read(in, objects, sink);
        }
    }

    private static long cpuAtLastReport = cpuNanos();

    /** Wall time, and the JVM's CPU time since the last report (the machine's cores are shared). */
    private static void report(String phase, long orders, long t0, String detail) {
        double s = seconds(t0);
        long cpu = cpuNanos();
        System.out.printf(
                "%-20s %,10d orders in %7.2f s (JVM CPU %6.1f s) = %,9.0f orders/s → 1,000,000 orders in %,6.0f s "
                        + " %s%n",
                phase, orders, s, (cpu - cpuAtLastReport) / 1e9, orders / s, 1_000_000 / (orders / s), detail);
        cpuAtLastReport = cpu;
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean)
                        java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static double seconds(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }

    /** Writes {@code orders} orders as Shopify's grouped bulk output; returns the objects written. */
    static long write(Path file, int orders) throws IOException {
        Random random = new Random(42);
        long objects = 0;
        Instant start = Instant.parse("2026-06-02T00:00:00Z");
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int i = 1; i <= orders; i++) {
                long orderId = 5_000_000_000L + i;
                String at = start.plusSeconds(i * 7L).toString();
                boolean refunded = i % 10 == 0;
                String refunds = refunded
                        ? "[{\"id\":\"gid://shopify/Refund/" + orderId + "\",\"createdAt\":\"" + at
                                + "\",\"processedAt\":\"" + at + "\",\"totalRefundedSet\":" + money("10.00") + "}]"
                        : "[]";
                String fulfillments = i % 2 == 0
                        ? "[{\"id\":\"gid://shopify/Fulfillment/" + orderId + "\",\"status\":\"SUCCESS\","
                                + "\"displayStatus\":\"DELIVERED\",\"createdAt\":\"" + at + "\",\"updatedAt\":\"" + at
                                + "\",\"inTransitAt\":null,\"deliveredAt\":\"" + at + "\",\"trackingInfo\":"
                                + "[{\"company\":\"UPS\",\"number\":\"1Z" + orderId + "\",\"url\":null}]}]"
                        : "[]";
                out.write("{\"id\":\"gid://shopify/Order/" + orderId + "\",\"name\":\"#" + i + "\",\"test\":false,"
                        + "\"createdAt\":\"" + at + "\",\"processedAt\":\"" + at + "\",\"updatedAt\":\"" + at
                        + "\",\"cancelledAt\":null,\"currencyCode\":\"USD\",\"taxesIncluded\":false,\"customerLocale\":\"en\","
                        + "\"displayFinancialStatus\":\"" + (refunded ? "PARTIALLY_REFUNDED" : "PAID") + "\","
                        + "\"customer\":{\"id\":\"gid://shopify/Customer/" + (1 + random.nextInt(10_000)) + "\"},"
                        + "\"totalPriceSet\":" + money("50.00") + ",\"refunds\":" + refunds
                        + ",\"fulfillments\":" + fulfillments + "}\n");
                objects++;
                for (int line = 1; line <= 2; line++) {
                    out.write("{\"id\":\"gid://shopify/LineItem/" + (orderId * 10 + line) + "\",\"title\":\"Tee\","
                            + "\"vendor\":\"Loop\",\"sku\":\"SKU-" + line + "\",\"quantity\":1,\"currentQuantity\":1,"
                            + "\"isGiftCard\":false,\"originalUnitPriceSet\":"
                            + money((20 + random.nextInt(60)) + ".00")
                            + ",\"discountedUnitPriceSet\":" + money("25.00") + ",\"totalDiscountSet\":" + money("0.00")
                            + ",\"taxLines\":[],\"product\":{\"id\":\"gid://shopify/Product/88\",\"productType\":\"Shirts\"},"
                            + "\"variant\":{\"id\":\"gid://shopify/ProductVariant/99\"},\"__parentId\":\"gid://shopify/Order/"
                            + orderId + "\"}\n");
                    objects++;
                }
                if (refunded) {
                    out.write("{\"id\":\"gid://shopify/RefundLineItem/" + orderId + "\",\"quantity\":1,\"lineItem\":"
                            + "{\"id\":\"gid://shopify/LineItem/" + (orderId * 10 + 1) + "\"},\"subtotalSet\":"
                            + money("10.00") + ",\"__parentId\":\"gid://shopify/Refund/" + orderId + "\"}\n");
                    objects++;
                }
            }
        }
        return objects;
    }

    private static String money(String amount) {
        return "{\"shopMoney\":{\"amount\":\"" + amount + "\",\"currencyCode\":\"USD\"}}";
    }

    /** Hands each order to a consumer; a rejection fails the run (the file is generated, all valid). */
    private record Counting(java.util.function.Consumer<BulkOrder> each) implements BulkJsonl.Sink {
        @Override
        public void order(BulkOrder order) {
            each.accept(order);
        }

        @Override
        public void rejected(String reason, boolean anOrder) {
            throw new IllegalStateException(reason);
        }
    }
}
