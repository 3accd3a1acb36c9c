package io.loyaltyloop.email;

import static io.loyaltyloop.db.Tables.EMAIL_ATTEMPT;
import static io.loyaltyloop.db.Tables.EMAIL_OUTBOX;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.max;
import static org.jooq.impl.DSL.select;

import io.loyaltyloop.admin.activity.DeliveryHealth.Emails;
import io.loyaltyloop.admin.activity.DeliveryHealth.FailedEmail;
import io.loyaltyloop.shop.ShopId;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

/**
 * One shop's outbox for the admin's delivery health: messages by status over the last day and week
 * (by when they were enqueued), and the latest failed ones with their recipient masked. Read only.
 */
@Repository
public class OutboxHealthRepository {

    private static final List<String> STATUSES = List.of("PENDING", "SENDING", "SENT", "FAILED", "CANCELLED");

    private final DSLContext dsl;

    OutboxHealthRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    public Emails report(ShopId shop, Instant now, int failedLimit) {
        Instant weekAgo = now.minus(Duration.ofDays(7));
        return new Emails(
                counts(shop, now.minus(Duration.ofDays(1))), counts(shop, weekAgo), failed(shop, weekAgo, failedLimit));
    }

    private Map<String, Long> counts(ShopId shop, Instant since) {
        Map<String, Long> counts = new LinkedHashMap<>();
        STATUSES.forEach(s -> counts.put(s, 0L));
        dsl.select(EMAIL_OUTBOX.STATUS, count())
                .from(EMAIL_OUTBOX)
                .where(EMAIL_OUTBOX.SHOP_ID.eq(shop.value()))
                .and(EMAIL_OUTBOX.CREATED_AT.ge(utc(since)))
                .groupBy(EMAIL_OUTBOX.STATUS)
                .forEach(r -> counts.put(r.value1(), r.value2().longValue()));
        return counts;
    }

    /** Failed messages enqueued since {@code since}, newest first, timed by their last attempt. */
    private List<FailedEmail> failed(ShopId shop, Instant since, int limit) {
        var lastAttempt = select(max(EMAIL_ATTEMPT.STARTED_AT))
                .from(EMAIL_ATTEMPT)
                .where(EMAIL_ATTEMPT.SHOP_ID.eq(EMAIL_OUTBOX.SHOP_ID))
                .and(EMAIL_ATTEMPT.EMAIL_ID.eq(EMAIL_OUTBOX.EMAIL_ID))
                .asField();
        var at = coalesce(lastAttempt, EMAIL_OUTBOX.CREATED_AT).as("at");
        return dsl.select(EMAIL_OUTBOX.KIND, EMAIL_OUTBOX.TO_ADDRESS, EMAIL_OUTBOX.LAST_ERROR, at)
                .from(EMAIL_OUTBOX)
                .where(EMAIL_OUTBOX.SHOP_ID.eq(shop.value()))
                .and(EMAIL_OUTBOX.STATUS.eq("FAILED"))
                .and(EMAIL_OUTBOX.CREATED_AT.ge(utc(since)))
                .orderBy(field("at").desc(), EMAIL_OUTBOX.EMAIL_ID.desc())
                .limit(limit)
                .fetch(r -> new FailedEmail(
                        r.value1(),
                        RecipientMask.of(r.value2()),
                        r.value3(),
                        r.get(at, OffsetDateTime.class).toInstant()));
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
