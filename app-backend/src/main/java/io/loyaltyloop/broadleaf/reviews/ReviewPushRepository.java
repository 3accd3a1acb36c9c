package io.loyaltyloop.broadleaf.reviews;

import static io.loyaltyloop.db.Tables.BROADLEAF_REVIEW_PUSH;
import static io.loyaltyloop.db.Tables.CUSTOMER;
import static io.loyaltyloop.db.Tables.REVIEW;
import static io.loyaltyloop.db.Tables.SHOP;

import io.loyaltyloop.shop.Platform;
import io.loyaltyloop.shop.ShopId;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * The published reviews waiting for their Broadleaf site ({@code broadleaf_review_push}). A trigger
 * adds the row in the transaction that publishes the review; taking rows moves their next attempt
 * past a lease with {@code skip locked}, so sweeps running at the same time take disjoint rows.
 */
class ReviewPushRepository {

    private final DSLContext dsl;

    ReviewPushRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /**
     * A review to push, as it is now.
     *
     * @param customerId the site's customer id; null for a guest or a redacted customer
     * @param body null once the review was redacted
     */
    record Pending(
            ShopId shop,
            long reviewId,
            String productId,
            String customerId,
            int rating,
            String title,
            String body,
            boolean published,
            Instant publishedAt,
            int attempts) {}

    /** Takes up to {@code limit} due rows of active Broadleaf shops until {@code leaseUntil}. */
    List<Pending> claimDue(Instant now, Instant leaseUntil, int limit) {
        var due = DSL.select(BROADLEAF_REVIEW_PUSH.SHOP_ID, BROADLEAF_REVIEW_PUSH.REVIEW_ID)
                .from(BROADLEAF_REVIEW_PUSH)
                .join(SHOP)
                .on(SHOP.SHOP_ID.eq(BROADLEAF_REVIEW_PUSH.SHOP_ID))
                .where(BROADLEAF_REVIEW_PUSH.STATUS.eq("PENDING"))
                .and(SHOP.STATUS.eq("ACTIVE"))
                .and(SHOP.PLATFORM.eq(Platform.BROADLEAF.name()))
                .and(BROADLEAF_REVIEW_PUSH
                        .NEXT_ATTEMPT_AT
                        .isNull()
                        .or(BROADLEAF_REVIEW_PUSH.NEXT_ATTEMPT_AT.le(at(now))))
                .orderBy(BROADLEAF_REVIEW_PUSH.SHOP_ID, BROADLEAF_REVIEW_PUSH.REVIEW_ID)
                .limit(limit)
                .forUpdate()
                .of(BROADLEAF_REVIEW_PUSH)
                .skipLocked()
                .asTable("due");
        var claimed = dsl.update(BROADLEAF_REVIEW_PUSH)
                .set(BROADLEAF_REVIEW_PUSH.NEXT_ATTEMPT_AT, at(leaseUntil))
                .from(due)
                .where(BROADLEAF_REVIEW_PUSH.SHOP_ID.eq(due.field(BROADLEAF_REVIEW_PUSH.SHOP_ID)))
                .and(BROADLEAF_REVIEW_PUSH.REVIEW_ID.eq(due.field(BROADLEAF_REVIEW_PUSH.REVIEW_ID)))
                .returning(BROADLEAF_REVIEW_PUSH.SHOP_ID, BROADLEAF_REVIEW_PUSH.REVIEW_ID)
                .fetch(r -> DSL.row(r.getShopId(), r.getReviewId()));
        if (claimed.isEmpty()) {
            return List.of();
        }
        return dsl.select(
                        REVIEW.SHOP_ID,
                        REVIEW.REVIEW_ID,
                        REVIEW.PRODUCT_ID,
                        CUSTOMER.EXTERNAL_ID,
                        REVIEW.RATING,
                        REVIEW.TITLE,
                        REVIEW.BODY,
                        REVIEW.STATUS,
                        REVIEW.PUBLISHED_AT,
                        BROADLEAF_REVIEW_PUSH.ATTEMPTS)
                .from(BROADLEAF_REVIEW_PUSH)
                .join(REVIEW)
                .on(REVIEW.SHOP_ID.eq(BROADLEAF_REVIEW_PUSH.SHOP_ID))
                .and(REVIEW.REVIEW_ID.eq(BROADLEAF_REVIEW_PUSH.REVIEW_ID))
                .leftJoin(CUSTOMER)
                .on(CUSTOMER.SHOP_ID.eq(REVIEW.SHOP_ID))
                .and(CUSTOMER.CUSTOMER_ID.eq(REVIEW.CUSTOMER_ID))
                .and(CUSTOMER.REDACTED_AT.isNull())
                .where(DSL.row(BROADLEAF_REVIEW_PUSH.SHOP_ID, BROADLEAF_REVIEW_PUSH.REVIEW_ID)
                        .in(claimed))
                .orderBy(REVIEW.SHOP_ID, REVIEW.REVIEW_ID)
                .fetch(r -> new Pending(
                        new ShopId(r.value1()),
                        r.value2(),
                        r.value3(),
                        r.value4(),
                        r.value5(),
                        r.value6(),
                        r.value7(),
                        "PUBLISHED".equals(r.value8()),
                        r.value9() == null ? null : r.value9().toInstant(),
                        r.value10()));
    }

    /** The site answered 200; {@code stored} is false when its setting keeps reviews out. */
    void done(Pending pending, boolean stored, Instant now) {
        finish(pending, "DONE", stored, null, now);
    }

    /** The review will never be taken by the site; the reason stays for operators. */
    void gaveUp(Pending pending, String reason, Instant now) {
        finish(pending, "GAVE_UP", null, reason, now);
    }

    /** Schedules the next attempt, keeping the error for operators. */
    void failed(Pending pending, String error, Instant nextAttemptAt) {
        dsl.update(BROADLEAF_REVIEW_PUSH)
                .set(BROADLEAF_REVIEW_PUSH.ATTEMPTS, BROADLEAF_REVIEW_PUSH.ATTEMPTS.plus(1))
                .set(BROADLEAF_REVIEW_PUSH.LAST_ERROR, error)
                .set(BROADLEAF_REVIEW_PUSH.NEXT_ATTEMPT_AT, at(nextAttemptAt))
                .where(BROADLEAF_REVIEW_PUSH.SHOP_ID.eq(pending.shop().value()))
                .and(BROADLEAF_REVIEW_PUSH.REVIEW_ID.eq(pending.reviewId()))
                .execute();
    }

    private void finish(Pending pending, String status, Boolean stored, String reason, Instant now) {
        dsl.update(BROADLEAF_REVIEW_PUSH)
                .set(BROADLEAF_REVIEW_PUSH.STATUS, status)
                .set(BROADLEAF_REVIEW_PUSH.ATTEMPTS, BROADLEAF_REVIEW_PUSH.ATTEMPTS.plus(1))
                .set(BROADLEAF_REVIEW_PUSH.STORED, stored)
                .set(BROADLEAF_REVIEW_PUSH.LAST_ERROR, reason)
                .set(BROADLEAF_REVIEW_PUSH.NEXT_ATTEMPT_AT, (OffsetDateTime) null)
                .set(BROADLEAF_REVIEW_PUSH.FINISHED_AT, at(now))
                .where(BROADLEAF_REVIEW_PUSH.SHOP_ID.eq(pending.shop().value()))
                .and(BROADLEAF_REVIEW_PUSH.REVIEW_ID.eq(pending.reviewId()))
                .execute();
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
