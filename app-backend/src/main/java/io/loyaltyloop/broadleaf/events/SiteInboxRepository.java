package io.loyaltyloop.broadleaf.events;

import static io.loyaltyloop.db.Tables.BROADLEAF_INBOX;
import static org.jooq.impl.DSL.row;
import static org.jooq.impl.DSL.select;

import io.loyaltyloop.system.RetryBackoff;
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
 * The Broadleaf inbox ({@code broadleaf_inbox}). The edge stores a batch's events; the worker leases
 * due ones and marks them done, failed (to retry later) or parked (given up on), as the Shopify
 * inbox does with its deliveries.
 */
@Repository
class SiteInboxRepository {

    /** An event claimed by the worker, with its failed attempts so far. */
    record Entry(long shopId, SiteEvent event, Instant receivedAt, int attempts) {}

    private final DSLContext dsl;

    SiteInboxRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Stores the events; returns how many were new (a repeated event id changes nothing). */
    int store(long shopId, List<SiteEvent> events, Instant now) {
        int inserted = 0;
        for (SiteEvent e : events) {
            inserted += dsl.insertInto(BROADLEAF_INBOX)
                    .set(BROADLEAF_INBOX.SHOP_ID, shopId)
                    .set(BROADLEAF_INBOX.EVENT_ID, e.eventId())
                    .set(BROADLEAF_INBOX.SEQUENCE, e.sequence())
                    .set(BROADLEAF_INBOX.TYPE, e.type())
                    .set(BROADLEAF_INBOX.OCCURRED_AT, at(e.occurredAt()))
                    .set(BROADLEAF_INBOX.RECEIVED_AT, at(now))
                    .set(BROADLEAF_INBOX.DATA, e.data())
                    .set(BROADLEAF_INBOX.STATUS, InboxStatus.PENDING)
                    .set(BROADLEAF_INBOX.NEXT_ATTEMPT_AT, at(now))
                    .onConflictDoNothing()
                    .execute();
        }
        return inserted;
    }

    /**
     * Takes up to {@code limit} due pending events by moving their next attempt to {@code leaseUntil}
     * (other instances skip them; a dead worker's events come back after the lease). In the order
     * the sites wrote them: received, then the site's sequence.
     */
    List<Entry> lease(int limit, Instant now, Instant leaseUntil) {
        var due = select(BROADLEAF_INBOX.SHOP_ID, BROADLEAF_INBOX.EVENT_ID)
                .from(BROADLEAF_INBOX)
                .where(BROADLEAF_INBOX.STATUS.eq(InboxStatus.PENDING))
                .and(BROADLEAF_INBOX.NEXT_ATTEMPT_AT.le(at(now)))
                .orderBy(BROADLEAF_INBOX.RECEIVED_AT, BROADLEAF_INBOX.SEQUENCE)
                .limit(limit)
                .forUpdate()
                .skipLocked();
        return dsl
                .update(BROADLEAF_INBOX)
                .set(BROADLEAF_INBOX.NEXT_ATTEMPT_AT, at(leaseUntil))
                .where(row(BROADLEAF_INBOX.SHOP_ID, BROADLEAF_INBOX.EVENT_ID).in(due))
                .returning()
                .fetch(r -> new Entry(
                        r.getShopId(),
                        new SiteEvent(
                                r.getEventId(),
                                r.getSequence(),
                                r.getType(),
                                r.getOccurredAt().toInstant(),
                                r.getData()),
                        r.getReceivedAt().toInstant(),
                        r.getAttempts()))
                .stream()
                .sorted(Comparator.comparing(Entry::receivedAt)
                        .thenComparing(e -> e.event().sequence()))
                .toList();
    }

    /** Done; {@code note} (may be null) says why nothing was applied, for whoever looks later. */
    void markDone(Entry entry, String note) {
        dsl.update(BROADLEAF_INBOX)
                .set(BROADLEAF_INBOX.STATUS, InboxStatus.DONE)
                .set(BROADLEAF_INBOX.LAST_ERROR, note == null ? null : RetryBackoff.truncate(note))
                .where(key(entry))
                .execute();
    }

    /** Counts the failed attempt and leaves the event pending until {@code nextAttemptAt}. */
    void markFailed(Entry entry, String error, Instant nextAttemptAt) {
        dsl.update(BROADLEAF_INBOX)
                .set(BROADLEAF_INBOX.ATTEMPTS, BROADLEAF_INBOX.ATTEMPTS.plus(1))
                .set(BROADLEAF_INBOX.NEXT_ATTEMPT_AT, at(nextAttemptAt))
                .set(BROADLEAF_INBOX.LAST_ERROR, RetryBackoff.truncate(error))
                .where(key(entry))
                .execute();
    }

    /** Gives up on the event: it stays, with its reason, for the merchant's delivery health. */
    void park(Entry entry, String reason) {
        dsl.update(BROADLEAF_INBOX)
                .set(BROADLEAF_INBOX.STATUS, InboxStatus.PARKED)
                .set(BROADLEAF_INBOX.ATTEMPTS, BROADLEAF_INBOX.ATTEMPTS.plus(1))
                .set(BROADLEAF_INBOX.LAST_ERROR, RetryBackoff.truncate(reason))
                .where(key(entry))
                .execute();
    }

    /** Deletes up to {@code limit} done events received before {@code cutoff}; parked ones stay. */
    int deleteDoneBefore(Instant cutoff, int limit) {
        return dsl.deleteFrom(BROADLEAF_INBOX)
                .where(DSL.field("ctid")
                        .in(select(DSL.field("ctid"))
                                .from(BROADLEAF_INBOX)
                                .where(BROADLEAF_INBOX.STATUS.eq(InboxStatus.DONE))
                                .and(BROADLEAF_INBOX.RECEIVED_AT.lt(at(cutoff)))
                                .limit(limit)))
                .execute();
    }

    private static Condition key(Entry entry) {
        return BROADLEAF_INBOX
                .SHOP_ID
                .eq(entry.shopId())
                .and(BROADLEAF_INBOX.EVENT_ID.eq(entry.event().eventId()));
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
