package io.loyaltyloop.broadleaf.events;

import static io.loyaltyloop.db.Tables.BROADLEAF_INBOX;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.min;

import io.loyaltyloop.admin.activity.DeliveryHealth.ParkedDelivery;
import io.loyaltyloop.admin.activity.DeliveryHealth.RetryOutcome;
import io.loyaltyloop.admin.activity.DeliveryHealth.Webhooks;
import io.loyaltyloop.audit.AuditLog;
import io.loyaltyloop.shop.Platform;
import io.loyaltyloop.shop.ShopId;
import io.loyaltyloop.shopify.webhook.PlatformInboxHealth;
import io.loyaltyloop.system.Transactions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/**
 * A Broadleaf site's inbox on the admin's Activity screen, as the Shopify inbox is: counts, the
 * parked events with their reasons (topic = event type), and putting parked ones back in the queue
 * with an audit record.
 */
@Component
class SiteInboxHealth implements PlatformInboxHealth {

    private final DSLContext dsl;
    private final Transactions transactions;
    private final AuditLog audit;
    private final Clock clock;

    SiteInboxHealth(DSLContext dsl, Clock clock) {
        this.dsl = dsl;
        this.transactions = new Transactions(dsl);
        this.audit = new AuditLog(dsl);
        this.clock = clock;
    }

    @Override
    public Platform platform() {
        return Platform.BROADLEAF;
    }

    @Override
    public Webhooks webhooks(ShopId shop, int parkedLimit) {
        Map<String, Long> last24h = new LinkedHashMap<>();
        for (String status : List.of(InboxStatus.PENDING, InboxStatus.DONE, InboxStatus.PARKED)) {
            last24h.put(status, 0L);
        }
        dsl.select(BROADLEAF_INBOX.STATUS, count())
                .from(BROADLEAF_INBOX)
                .where(ofShop(shop))
                .and(BROADLEAF_INBOX.RECEIVED_AT.ge(
                        clock.instant().minus(Duration.ofDays(1)).atOffset(ZoneOffset.UTC)))
                .groupBy(BROADLEAF_INBOX.STATUS)
                .forEach(r -> last24h.put(r.value1(), r.value2().longValue()));
        var waiting = tally(shop, InboxStatus.PENDING);
        var parked = tally(shop, InboxStatus.PARKED);
        List<ParkedDelivery> parkedEvents = dsl.select(
                        BROADLEAF_INBOX.TYPE,
                        BROADLEAF_INBOX.EVENT_ID,
                        BROADLEAF_INBOX.RECEIVED_AT,
                        BROADLEAF_INBOX.ATTEMPTS,
                        BROADLEAF_INBOX.LAST_ERROR)
                .from(BROADLEAF_INBOX)
                .where(ofShop(shop))
                .and(BROADLEAF_INBOX.STATUS.eq(InboxStatus.PARKED))
                .orderBy(BROADLEAF_INBOX.RECEIVED_AT, BROADLEAF_INBOX.SEQUENCE)
                .limit(parkedLimit)
                .fetch(r ->
                        new ParkedDelivery(r.value1(), r.value2(), r.value3().toInstant(), r.value4(), r.value5()));
        return new Webhooks(true, last24h, waiting.count(), waiting.oldest(), parked.count(), parkedEvents);
    }

    @Override
    public RetryOutcome retry(ShopId shop, String actor, String topic, String eventId) {
        return transactions.inTransaction(() -> {
            var status = dsl.select(BROADLEAF_INBOX.STATUS)
                    .from(BROADLEAF_INBOX)
                    .where(ofShop(shop))
                    .and(BROADLEAF_INBOX.TYPE.eq(topic))
                    .and(BROADLEAF_INBOX.EVENT_ID.eq(eventId))
                    .forUpdate()
                    .fetchOptional(r -> r.value1());
            if (status.isEmpty()) {
                return RetryOutcome.NOT_FOUND;
            }
            if (!status.get().equals(InboxStatus.PARKED)) {
                return RetryOutcome.NOT_PARKED;
            }
            requeue(ofShop(shop).and(BROADLEAF_INBOX.EVENT_ID.eq(eventId)));
            audit.record(shop, actor, "activity.retry", "broadleaf:" + topic, Map.of("topic", topic, "event", eventId));
            return RetryOutcome.RETRIED;
        });
    }

    @Override
    public int retryAllParked(ShopId shop, String actor) {
        return transactions.inTransaction(() -> {
            int retried = requeue(ofShop(shop));
            if (retried > 0) {
                audit.record(shop, actor, "activity.retry_all", "broadleaf", Map.of("count", retried));
            }
            return retried;
        });
    }

    /** Parked events matching {@code where} wait again, due now, attempts counted afresh. */
    private int requeue(Condition where) {
        return dsl.update(BROADLEAF_INBOX)
                .set(BROADLEAF_INBOX.STATUS, InboxStatus.PENDING)
                .set(BROADLEAF_INBOX.ATTEMPTS, 0)
                .set(BROADLEAF_INBOX.NEXT_ATTEMPT_AT, clock.instant().atOffset(ZoneOffset.UTC))
                .where(where)
                .and(BROADLEAF_INBOX.STATUS.eq(InboxStatus.PARKED))
                .execute();
    }

    private Tally tally(ShopId shop, String status) {
        var r = dsl.select(count(), min(BROADLEAF_INBOX.RECEIVED_AT))
                .from(BROADLEAF_INBOX)
                .where(ofShop(shop))
                .and(BROADLEAF_INBOX.STATUS.eq(status))
                .fetchSingle();
        return new Tally(r.value1(), r.value2() == null ? null : r.value2().toInstant());
    }

    private record Tally(long count, Instant oldest) {}

    private static Condition ofShop(ShopId shop) {
        return BROADLEAF_INBOX.SHOP_ID.eq(shop.value());
    }
}
