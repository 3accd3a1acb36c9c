package io.loyaltyloop.broadleaf.outbox;

import io.loyaltyloop.broadleaf.LoyaltyLoopSettings;
import io.loyaltyloop.broadleaf.wire.BackendAnswer;
import io.loyaltyloop.broadleaf.wire.BackendClient;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.codehaus.jackson.map.ObjectMapper;
import org.codehaus.jackson.node.ArrayNode;
import org.codehaus.jackson.node.ObjectNode;
import org.springframework.context.SmartLifecycle;

/**
 * Delivers the outbox to {@code POST /broadleaf/v1/events} on one daemon thread, started and stopped
 * with the Spring context (bean {@code loyaltyLoopOutboxSender}). All of its state is in the table,
 * so a restarted site, or another node, simply carries on.
 *
 * <ul>
 *   <li>Batches of at most 100 due rows in sequence order, claimed with a lease ({@link OutboxStore}).
 *   <li>200: the rows are SENT. 5xx, 401, other 4xx, timeouts and connection errors: every row of
 *       the batch waits per {@link Backoff} and is tried again, for ever.
 *   <li>400 (or 413) on a batch: each row is sent alone; a row refused alone is REJECTED with the
 *       backend's reason, so one bad event cannot hold the others back.
 *   <li>An {@code order.submitted} row whose order is still a cart (its checkout failed after the
 *       row was written) waits; after 24 h it is REJECTED as never submitted.
 * </ul>
 */
public class OutboxSender implements SmartLifecycle {

    static final String EVENTS_PATH = "/broadleaf/v1/events";
    static final int MAX_BATCH = 100;
    static final long ORDER_WAIT_MILLIS = 24 * 3600 * 1000L;
    static final long ORDER_RECHECK_MILLIS = 30 * 1000L;
    /** The attempt log keeps 30 days; the outbox rows themselves are kept (they hold the dedupe keys). */
    static final long ATTEMPT_LOG_MILLIS = 30L * 24 * 3600 * 1000;

    private static final Log LOG = LogFactory.getLog(OutboxSender.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final LoyaltyOutbox outbox;
    private final BackendClient client;
    private final LoyaltyLoopSettings settings;
    private final Backoff backoff = new Backoff(new Random());
    private boolean autoStartup = true;
    private long pollMillis = 1000;
    private ScheduledExecutorService executor;
    private long nextPruneMillis;

    public OutboxSender(LoyaltyOutbox outbox, BackendClient client, LoyaltyLoopSettings settings) {
        this.outbox = outbox;
        this.client = client;
        this.settings = settings;
    }

    /**
     * One pass: claims and delivers due rows until none are left or a batch failed.
     *
     * @return how many rows went out as SENT or REJECTED in this pass
     */
    public int sendDue() {
        int done = 0;
        while (true) {
            Date now = now();
            List<OutboxRow> batch = outbox.store().claimDue(now, new Date(now.getTime() + leaseMillis()), MAX_BATCH);
            if (batch.isEmpty()) {
                return done;
            }
            int delivered = deliver(withoutUnsubmittedOrders(batch));
            done += delivered;
            if (batch.size() < MAX_BATCH || delivered == 0) {
                return done;
            }
        }
    }

    private List<OutboxRow> withoutUnsubmittedOrders(List<OutboxRow> batch) {
        List<OutboxRow> ready = new ArrayList<OutboxRow>();
        for (OutboxRow row : batch) {
            if (EventTypes.ORDER_SUBMITTED.equals(row.type()) && stillACart(row.orderId())) {
                Date now = now();
                if (now.getTime() - row.createdAt().getTime() > ORDER_WAIT_MILLIS) {
                    outbox.store().markRejected(row.sequence(), "order " + row.orderId() + " was never submitted");
                } else {
                    outbox.store()
                            .postpone(
                                    row.sequence(),
                                    new Date(now.getTime() + recheckMillis(now, row)),
                                    "waiting for order " + row.orderId() + " to be submitted");
                }
            } else {
                ready.add(row);
            }
        }
        return ready;
    }

    /** Soon while the checkout may still be committing the order, then every 30 s. */
    private static long recheckMillis(Date now, OutboxRow row) {
        return now.getTime() - row.createdAt().getTime() < 60_000L ? 2000L : ORDER_RECHECK_MILLIS;
    }

    private boolean stillACart(String orderId) {
        try {
            return "IN_PROCESS".equals(outbox.store().orderStatus(Long.parseLong(orderId)));
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** Sends {@code rows} as one batch; returns how many left PENDING (SENT or REJECTED). */
    private int deliver(List<OutboxRow> rows) {
        if (rows.isEmpty()) {
            return 0;
        }
        long started = System.nanoTime();
        Integer status = null;
        String error = null;
        try {
            BackendAnswer answer =
                    client.send("POST", EVENTS_PATH, "application/json", body(rows), settings.getReadTimeoutMillis());
            status = answer.status();
            if (status / 100 != 2) {
                error = "HTTP " + status + ": " + answer.bodyText(500);
            }
        } catch (IOException e) {
            error = e.getClass().getSimpleName() + ": " + e.getMessage();
        } catch (RuntimeException e) {
            error = e.getClass().getSimpleName() + ": " + e.getMessage();
        }
        Date now = now();
        outbox.store()
                .logAttempt(
                        now,
                        rows.get(0).sequence(),
                        rows.get(rows.size() - 1).sequence(),
                        rows.size(),
                        status,
                        error,
                        (System.nanoTime() - started) / 1_000_000);
        if (error == null) {
            for (OutboxRow row : rows) {
                outbox.store().markSent(row.sequence(), now);
            }
            return rows.size();
        }
        if (status != null && (status == 400 || status == 413)) {
            if (rows.size() == 1) {
                LOG.error(
                        "Loyalty Loop: the backend refused event " + rows.get(0).eventId() + ": " + error);
                outbox.store().markRejected(rows.get(0).sequence(), error);
                return 1;
            }
            int done = 0;
            for (OutboxRow row : rows) {
                done += deliver(Collections.singletonList(row));
            }
            return done;
        }
        LOG.warn("Loyalty Loop: delivery of " + rows.size() + " event(s) failed, will retry: " + error);
        for (OutboxRow row : rows) {
            outbox.store()
                    .markRetry(
                            row.sequence(), new Date(now.getTime() + backoff.delayMillis(row.attempts() + 1)), error);
        }
        return 0;
    }

    static byte[] body(List<OutboxRow> rows) throws IOException {
        ObjectNode body = JSON.createObjectNode();
        ArrayNode events = body.putArray("events");
        for (OutboxRow row : rows) {
            ObjectNode event = events.addObject();
            event.put("id", row.eventId());
            event.put("sequence", row.sequence());
            event.put("type", row.type());
            event.put(
                    "occurredAt",
                    Instant.ofEpochMilli(row.occurredAt().getTime()).toString());
            event.put("data", JSON.readTree(row.data()));
        }
        return JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
    }

    private void pruneAttemptLogHourly() {
        long now = outbox.clock().millis();
        if (now >= nextPruneMillis) {
            nextPruneMillis = now + 3600 * 1000L;
            outbox.store().pruneAttempts(new Date(now - ATTEMPT_LOG_MILLIS));
        }
    }

    /** Longer than one request can take, so a lease never runs out under a send in progress. */
    private long leaseMillis() {
        return 2L * (settings.getConnectTimeoutMillis() + settings.getReadTimeoutMillis()) + 30_000L;
    }

    private Date now() {
        return new Date(outbox.clock().millis());
    }

    private Runnable pass() {
        return new Runnable() {
            @Override
            public void run() {
                try {
                    if (settings.isConfigured()) {
                        sendDue();
                    }
                    pruneAttemptLogHourly();
                } catch (Throwable t) {
                    // The database may be down too; the next pass tries again.
                    LOG.error("Loyalty Loop: outbox pass failed", t);
                }
            }
        };
    }

    @Override
    public synchronized void start() {
        if (executor != null) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(new ThreadFactory() {
            @Override
            public Thread newThread(Runnable runnable) {
                Thread thread = new Thread(runnable, "loyalty-loop-outbox-sender");
                thread.setDaemon(true);
                return thread;
            }
        });
        executor.scheduleWithFixedDelay(pass(), pollMillis, pollMillis, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (executor == null) {
            return;
        }
        executor.shutdownNow();
        try {
            executor.awaitTermination(settings.getReadTimeoutMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        executor = null;
    }

    @Override
    public void stop(Runnable callback) {
        stop();
        callback.run();
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }

    @Override
    public boolean isAutoStartup() {
        return autoStartup;
    }

    /** Started last and stopped first: it only runs while everything it uses is up. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE;
    }

    /** {@code loyaltyloop.sender.enabled}: false on nodes that should not send (the outbox still fills). */
    public void setAutoStartup(boolean autoStartup) {
        this.autoStartup = autoStartup;
    }

    /** {@code loyaltyloop.sender.poll-millis}: the pause between passes when the outbox is empty. */
    public void setPollMillis(long pollMillis) {
        if (pollMillis <= 0) {
            throw new IllegalArgumentException("loyaltyloop.sender.poll-millis must be positive");
        }
        this.pollMillis = pollMillis;
    }
}
