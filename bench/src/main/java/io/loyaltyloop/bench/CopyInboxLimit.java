package io.loyaltyloop.bench;

import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import org.HdrHistogram.Histogram;
import org.postgresql.PGConnection;

/**
 * One of P1's physical limits: how fast PostgreSQL takes the rows the webhook edge writes when they
 * arrive as {@code COPY … FROM STDIN} (pgjdbc's CopyManager) — the same {@code webhook_inbox} row
 * shape and payload as {@code InboxRepository.store}, {@code batch} rows per COPY, one commit per
 * COPY, under the server's durability. No HTTP, no HMAC, no per-row statement: the ceiling for the
 * table itself on this disk and CPU. Prints rows/s and p50/p99 per COPY (one batch), and a
 * {@code RESULT} line. Properties: {@code rows} (50,000), {@code batch} (500), {@code fixture},
 * {@code label}, and {@link BenchDatabase}'s ({@code -DdatabaseUrl} for the external server).
 */
public final class CopyInboxLimit {

    public static void main(String[] args) throws Exception {
        int rows = Integer.getInteger("rows", 50_000);
        int batch = Integer.getInteger("batch", 500);
        String label = System.getProperty("label", "copy");
        String payload = Files.readString(
                Path.of(System.getProperty(
                        "fixture", "app-backend/src/test/resources/shopify/webhooks-2026-07/orders__create.json")),
                StandardCharsets.UTF_8);
        String escaped = escape(payload);
        String load = IngestWebhooks.loadAverage();
        try (BenchDatabase db =
                BenchDatabase.start(BenchDatabase.Options.fromSystemProperties().withPoolSize(1))) {
            System.out.printf(
                    "CopyInboxLimit: %,d rows in COPYs of %d, payload %,d chars; database: %s%n",
                    rows, batch, payload.length(), db.describe());
            System.out.printf("load average before: %s%n", load);
            db.plainDsl().execute("truncate webhook_inbox");
            Histogram perCopy = new Histogram(Duration.ofSeconds(60).toNanos(), 3);
            long id = System.currentTimeMillis() * 1000;
            long start = System.nanoTime();
            int done = 0;
            try (Connection connection =
                    db.plainDsl().configuration().connectionProvider().acquire()) {
                connection.setAutoCommit(true);
                var copy = connection.unwrap(PGConnection.class).getCopyAPI();
                while (done < rows) {
                    int n = Math.min(batch, rows - done);
                    StringBuilder text = new StringBuilder(n * (escaped.length() + 200));
                    String now = Instant.now().toString();
                    for (int i = 0; i < n; i++, id++) {
                        text.append("bench-shop-")
                                .append(id % 100)
                                .append(".myshopify.com\torders/create\t")
                                .append(id)
                                .append("\twh-")
                                .append(id)
                                .append("\t2026-07\t")
                                .append(now)
                                .append('\t')
                                .append(now)
                                .append('\t')
                                .append(escaped)
                                .append("\tPENDING\t")
                                .append(now)
                                .append('\n');
                    }
                    long t0 = System.nanoTime();
                    copy.copyIn(
                            "copy webhook_inbox (shop_domain, topic, event_id, webhook_id, api_version,"
                                    + " triggered_at, received_at, payload, status, next_attempt_at) from stdin",
                            (Reader) new StringReader(text.toString()));
                    perCopy.recordValue(System.nanoTime() - t0);
                    done += n;
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            long stored =
                    db.plainDsl().fetchOne("select count(*) from webhook_inbox").get(0, Long.class);
            String after = IngestWebhooks.loadAverage();
            System.out.printf(
                    "rows/s             %,.0f (%,d rows in %.1f s, %,d stored)%n",
                    rows / seconds, rows, seconds, stored);
            System.out.printf(
                    "per COPY of %d rows, ms: p50 %.2f  p99 %.2f%n",
                    batch, perCopy.getValueAtPercentile(50) / 1e6, perCopy.getValueAtPercentile(99) / 1e6);
            System.out.printf("load average       before %s, after %s%n", load, after);
            System.out.printf(
                    "RESULT label=%s db=%s rps=%.0f p50=%.2f p99=%.2f load=%s%n",
                    label,
                    db.external() ? "external" : "embedded",
                    rows / seconds,
                    perCopy.getValueAtPercentile(50) / 1e6,
                    perCopy.getValueAtPercentile(99) / 1e6,
                    after.replace(' ', '/'));
            if (stored != rows) {
                System.exit(1);
            }
        }
    }

    /** COPY text format: backslash, tab, newline and carriage return escaped. */
    private static String escape(String value) {
        return value.replace("\\", "\\\\")
                .replace("\t", "\\t")
                .replace("\n", "\\n")
                .replace("\r", "\\r");
    }

    private CopyInboxLimit() {}
}
