package io.loyaltyloop.shopify.webhook;

import static io.loyaltyloop.db.Tables.WEBHOOK_INBOX;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.min;

import io.loyaltyloop.admin.activity.DeliveryHealth.ParkedDelivery;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

/**
 * One shop's view of the webhook inbox for the admin, by the shop's myshopify.com domain (the
 * inbox's key, see V3): counts, the parked deliveries, and putting parked ones back in the queue.
 */
@Repository
class InboxHealthRepository {

    private final DSLContext dsl;

    InboxHealthRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Deliveries received since {@code since} by status, every status present (0 when none). */
    Map<String, Long> receivedSince(String domain, Instant since) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String status : List.of(InboxRepository.PENDING, InboxRepository.DONE, InboxRepository.PARKED)) {
            counts.put(status, 0L);
        }
        dsl.select(WEBHOOK_INBOX.STATUS, count())
                .from(WEBHOOK_INBOX)
                .where(WEBHOOK_INBOX.SHOP_DOMAIN.eq(domain))
                .and(WEBHOOK_INBOX.RECEIVED_AT.ge(utc(since)))
                .groupBy(WEBHOOK_INBOX.STATUS)
                .forEach(r -> counts.put(r.value1(), r.value2().longValue()));
        return counts;
    }

    /** How many deliveries have the status, of any age, and when the oldest of them was received. */
    Tally tally(String domain, String status) {
        var r = dsl.select(count(), min(WEBHOOK_INBOX.RECEIVED_AT))
                .from(WEBHOOK_INBOX)
                .where(WEBHOOK_INBOX.SHOP_DOMAIN.eq(domain))
                .and(WEBHOOK_INBOX.STATUS.eq(status))
                .fetchSingle();
        return new Tally(r.value1(), r.value2() == null ? null : r.value2().toInstant());
    }

    record Tally(long count, Instant oldest) {}

    /** The shop's parked deliveries, oldest first. */
    List<ParkedDelivery> parked(String domain, int limit) {
        return dsl.select(
                        WEBHOOK_INBOX.TOPIC,
                        WEBHOOK_INBOX.EVENT_ID,
                        WEBHOOK_INBOX.RECEIVED_AT,
                        WEBHOOK_INBOX.ATTEMPTS,
                        WEBHOOK_INBOX.LAST_ERROR)
                .from(WEBHOOK_INBOX)
                .where(WEBHOOK_INBOX.SHOP_DOMAIN.eq(domain))
                .and(WEBHOOK_INBOX.STATUS.eq(InboxRepository.PARKED))
                .orderBy(WEBHOOK_INBOX.RECEIVED_AT, WEBHOOK_INBOX.TOPIC, WEBHOOK_INBOX.EVENT_ID)
                .limit(limit)
                .fetch(r ->
                        new ParkedDelivery(r.value1(), r.value2(), r.value3().toInstant(), r.value4(), r.value5()));
    }

    /** The status of one of the shop's deliveries, locked until the transaction ends; empty if none. */
    Optional<String> lockStatus(String domain, String topic, String eventId) {
        return dsl.select(WEBHOOK_INBOX.STATUS)
                .from(WEBHOOK_INBOX)
                .where(WEBHOOK_INBOX.SHOP_DOMAIN.eq(domain))
                .and(WEBHOOK_INBOX.TOPIC.eq(topic))
                .and(WEBHOOK_INBOX.EVENT_ID.eq(eventId))
                .forUpdate()
                .fetchOptional(r -> r.value1());
    }

    /**
     * Puts the shop's parked deliveries (all, or the one with {@code topic} and {@code eventId}) back
     * in the queue: PENDING, due {@code now}, attempts counted afresh. The last error stays until the
     * worker's next outcome replaces it. Returns how many were parked and now wait.
     */
    int requeueParked(String domain, String topic, String eventId, Instant now) {
        var where = WEBHOOK_INBOX.SHOP_DOMAIN.eq(domain).and(WEBHOOK_INBOX.STATUS.eq(InboxRepository.PARKED));
        if (topic != null) {
            where = where.and(WEBHOOK_INBOX.TOPIC.eq(topic)).and(WEBHOOK_INBOX.EVENT_ID.eq(eventId));
        }
        return dsl.update(WEBHOOK_INBOX)
                .set(WEBHOOK_INBOX.STATUS, InboxRepository.PENDING)
                .set(WEBHOOK_INBOX.ATTEMPTS, 0)
                .set(WEBHOOK_INBOX.NEXT_ATTEMPT_AT, utc(now))
                .where(where)
                .execute();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
