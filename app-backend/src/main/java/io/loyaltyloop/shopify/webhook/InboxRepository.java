package io.loyaltyloop.shopify.webhook;

import static io.loyaltyloop.db.Tables.WEBHOOK_INBOX;
import static org.jooq.impl.DSL.row;
import static org.jooq.impl.DSL.select;

import io.loyaltyloop.db.tables.records.WebhookInboxRecord;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/**
 * The webhook inbox. The edge stores deliveries; the worker leases due ones and marks them done,
 * failed (to retry later) or parked (given up on).
 */
@Repository
public class InboxRepository {

    enum Stored {
        /** A new row, to be processed. */
        INSERTED,
        /** Shopify repeated a delivery already in the inbox; nothing was written. */
        DUPLICATE
    }

    static final String PENDING = "PENDING";
    static final String DONE = "DONE";
    static final String PARKED = "PARKED";

    /** Enough of an error to act on; a whole stack trace per retry would bloat the table. */
    static final int MAX_ERROR_LENGTH = 2_000;

    private final DSLContext dsl;
    private final Clock clock;

    InboxRepository(DSLContext dsl, Clock clock) {
        this.dsl = dsl;
        this.clock = clock;
    }

    Stored store(WebhookDelivery delivery) {
        OffsetDateTime now = now();
        int inserted = dsl.insertInto(WEBHOOK_INBOX)
                .set(WEBHOOK_INBOX.SHOP_DOMAIN, delivery.shopDomain())
                .set(WEBHOOK_INBOX.TOPIC, delivery.topic())
                .set(WEBHOOK_INBOX.EVENT_ID, delivery.eventId())
                .set(WEBHOOK_INBOX.WEBHOOK_ID, delivery.webhookId())
                .set(WEBHOOK_INBOX.API_VERSION, delivery.apiVersion())
                .set(WEBHOOK_INBOX.TRIGGERED_AT, utc(delivery.triggeredAt()))
                .set(WEBHOOK_INBOX.RECEIVED_AT, now)
                .set(WEBHOOK_INBOX.PAYLOAD, delivery.payload())
                .set(WEBHOOK_INBOX.STATUS, PENDING)
                .set(WEBHOOK_INBOX.NEXT_ATTEMPT_AT, now)
                // A retried or concurrent duplicate waits on the key, then inserts nothing.
                .onConflictDoNothing()
                .execute();
        return inserted == 1 ? Stored.INSERTED : Stored.DUPLICATE;
    }

    /**
     * Takes up to {@code limit} due pending rows for the worker by moving their next attempt to
     * {@code leaseUntil}, in one short statement: other instances skip them meanwhile, and if this
     * worker dies the lease runs out and another instance retries them (applying is idempotent).
     * Oldest delivery first.
     */
    List<InboxEntry> lease(int limit, Instant leaseUntil) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, was " + limit);
        }
        var due = select(WEBHOOK_INBOX.SHOP_DOMAIN, WEBHOOK_INBOX.TOPIC, WEBHOOK_INBOX.EVENT_ID)
                .from(WEBHOOK_INBOX)
                .where(WEBHOOK_INBOX.STATUS.eq(PENDING))
                .and(WEBHOOK_INBOX.NEXT_ATTEMPT_AT.le(now()))
                .orderBy(WEBHOOK_INBOX.RECEIVED_AT)
                .limit(limit)
                .forUpdate()
                .skipLocked();
        return dsl
                .update(WEBHOOK_INBOX)
                .set(WEBHOOK_INBOX.NEXT_ATTEMPT_AT, utc(leaseUntil))
                .where(row(WEBHOOK_INBOX.SHOP_DOMAIN, WEBHOOK_INBOX.TOPIC, WEBHOOK_INBOX.EVENT_ID)
                        .in(due))
                .returning()
                .fetch(InboxRepository::entry)
                .stream()
                .sorted(Comparator.comparing(InboxEntry::receivedAt))
                .toList();
    }

    void markDone(WebhookDelivery delivery) {
        dsl.update(WEBHOOK_INBOX)
                .set(WEBHOOK_INBOX.STATUS, DONE)
                .set(WEBHOOK_INBOX.LAST_ERROR, (String) null)
                .where(key(delivery))
                .execute();
    }

    /**
     * Done without the engine applying anything (e.g. an order of an uninstalled shop): the note in
     * {@code last_error} says why, for whoever looks later.
     */
    void markDone(WebhookDelivery delivery, String note) {
        dsl.update(WEBHOOK_INBOX)
                .set(WEBHOOK_INBOX.STATUS, DONE)
                .set(WEBHOOK_INBOX.LAST_ERROR, shortened(note))
                .where(key(delivery))
                .execute();
    }

    /**
     * Deletes every delivery of the shop but this one: the bodies are the shop's (and its
     * customers') data, which shop/redact erases. The one being handled stays, to be marked done.
     */
    int deleteShopDeliveriesExcept(WebhookDelivery keep) {
        return dsl.deleteFrom(WEBHOOK_INBOX)
                .where(WEBHOOK_INBOX.SHOP_DOMAIN.eq(keep.shopDomain()))
                .andNot(key(keep))
                .execute();
    }

    /**
     * Deletes up to {@code limit} done deliveries received before {@code cutoff}. Their duplicates
     * are by then long past Shopify's retries, and a late one would still be refused by the engine's
     * own record of applied events. Parked deliveries stay for an operator.
     */
    int deleteDoneBefore(Instant cutoff, int limit) {
        return dsl.deleteFrom(WEBHOOK_INBOX)
                .where(DSL.field("ctid")
                        .in(select(DSL.field("ctid"))
                                .from(WEBHOOK_INBOX)
                                .where(WEBHOOK_INBOX.STATUS.eq(DONE))
                                .and(WEBHOOK_INBOX.RECEIVED_AT.lt(utc(cutoff)))
                                .limit(limit)))
                .execute();
    }

    /** Counts the failed attempt and leaves the row pending until {@code nextAttemptAt}. */
    void markFailed(WebhookDelivery delivery, String error, Instant nextAttemptAt) {
        dsl.update(WEBHOOK_INBOX)
                .set(WEBHOOK_INBOX.ATTEMPTS, WEBHOOK_INBOX.ATTEMPTS.plus(1))
                .set(WEBHOOK_INBOX.NEXT_ATTEMPT_AT, utc(nextAttemptAt))
                .set(WEBHOOK_INBOX.LAST_ERROR, shortened(error))
                .where(key(delivery))
                .execute();
    }

    /** Gives up on the row: it stays, with its error, for an operator to look at. */
    void park(WebhookDelivery delivery, String error) {
        dsl.update(WEBHOOK_INBOX)
                .set(WEBHOOK_INBOX.STATUS, PARKED)
                .set(WEBHOOK_INBOX.ATTEMPTS, WEBHOOK_INBOX.ATTEMPTS.plus(1))
                .set(WEBHOOK_INBOX.LAST_ERROR, shortened(error))
                .where(key(delivery))
                .execute();
    }

    private static Condition key(WebhookDelivery delivery) {
        return WEBHOOK_INBOX
                .SHOP_DOMAIN
                .eq(delivery.shopDomain())
                .and(WEBHOOK_INBOX.TOPIC.eq(delivery.topic()))
                .and(WEBHOOK_INBOX.EVENT_ID.eq(delivery.eventId()));
    }

    /**
     * The error as PostgreSQL's text can hold it: bounded, and without NUL, which a reason may quote
     * from the payload (an escaped NUL is valid JSON) and which text refuses — the update would fail
     * and leave the delivery leased, to fail again on every lease, ahead of the deliveries behind it.
     */
    static String shortened(String error) {
        if (error == null) {
            return null;
        }
        String storable = error.replace('\u0000', '\uFFFD');
        return storable.length() <= MAX_ERROR_LENGTH ? storable : storable.substring(0, MAX_ERROR_LENGTH);
    }

    private static InboxEntry entry(WebhookInboxRecord row) {
        return new InboxEntry(
                new WebhookDelivery(
                        row.getShopDomain(),
                        row.getTopic(),
                        row.getEventId(),
                        row.getWebhookId(),
                        row.getApiVersion(),
                        row.getTriggeredAt() == null
                                ? null
                                : row.getTriggeredAt().toInstant(),
                        row.getPayload()),
                row.getReceivedAt().toInstant(),
                row.getAttempts());
    }

    private OffsetDateTime now() {
        return utc(clock.instant());
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
