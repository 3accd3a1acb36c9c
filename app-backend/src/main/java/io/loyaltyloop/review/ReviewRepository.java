package io.loyaltyloop.review;

import static io.loyaltyloop.db.Tables.ORDER_LINE;
import static io.loyaltyloop.db.Tables.REFUND_LINE;
import static io.loyaltyloop.db.Tables.REVIEW;
import static io.loyaltyloop.db.Tables.REVIEW_SETTINGS;
import static io.loyaltyloop.db.Tables.SHOP_ORDER;
import static org.jooq.impl.DSL.avg;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.exists;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.min;
import static org.jooq.impl.DSL.selectOne;
import static org.jooq.impl.DSL.sum;

import io.loyaltyloop.db.tables.records.ReviewRecord;
import io.loyaltyloop.shop.ShopId;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/** Reviews, their settings, and the order items they are about. Every query is for one shop. */
class ReviewRepository {

    private final DSLContext dsl;

    ReviewRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /**
     * The order's products that can be reviewed at all (paid, not cancelled; lines that are no gift
     * card and not refunded in full), one per product, each saying whether it was reviewed already.
     */
    List<ReviewableItem> items(ShopId shop, long orderId, String onlyProductId) {
        Condition product = onlyProductId == null ? DSL.noCondition() : ORDER_LINE.PRODUCT_ID.eq(onlyProductId);
        Field<Boolean> reviewed = reviewed();
        return dsl.select(ORDER_LINE.PRODUCT_ID, min(ORDER_LINE.TITLE), SHOP_ORDER.CUSTOMER_ID, reviewed)
                .from(ORDER_LINE)
                .join(SHOP_ORDER)
                .on(SHOP_ORDER.SHOP_ID.eq(ORDER_LINE.SHOP_ID))
                .and(SHOP_ORDER.ORDER_ID.eq(ORDER_LINE.ORDER_ID))
                .where(ORDER_LINE.SHOP_ID.eq(shop.value()))
                .and(ORDER_LINE.ORDER_ID.eq(orderId))
                .and(product)
                .and(reviewable())
                .groupBy(ORDER_LINE.PRODUCT_ID, SHOP_ORDER.CUSTOMER_ID, reviewed)
                .orderBy(min(ORDER_LINE.EXTERNAL_LINE_ID))
                .fetch(r -> new ReviewableItem(r.value1(), r.value2(), r.value3(), r.value4()));
    }

    /** {@link OpenReviewItems}: newest order first, one per order and product, for the storefront. */
    List<OpenReviewItem> openItems(ShopId shop, long customerId, Instant paidSince, int limit) {
        return dsl.fetch(OpenReviewItems.paidSince(DSL.val(shop.value()), DSL.val(customerId), paidSince, limit))
                .map(OpenReviewItems::toItem);
    }

    /** Whether the order line's product was reviewed for its order. */
    static Field<Boolean> reviewed() {
        return DSL.field(exists(selectOne()
                .from(REVIEW)
                .where(REVIEW.SHOP_ID.eq(ORDER_LINE.SHOP_ID))
                .and(REVIEW.ORDER_ID.eq(ORDER_LINE.ORDER_ID))
                .and(REVIEW.PRODUCT_ID.eq(ORDER_LINE.PRODUCT_ID))));
    }

    /** A line of a paid, uncancelled order that is no gift card, has a product and is not refunded in full. */
    static Condition reviewable() {
        var refunded = DSL.select(coalesce(sum(REFUND_LINE.QUANTITY), inline(BigDecimal.ZERO)))
                .from(REFUND_LINE)
                .where(REFUND_LINE.SHOP_ID.eq(ORDER_LINE.SHOP_ID))
                .and(REFUND_LINE.ORDER_ID.eq(ORDER_LINE.ORDER_ID))
                .and(REFUND_LINE.EXTERNAL_LINE_ID.eq(ORDER_LINE.EXTERNAL_LINE_ID))
                .<BigDecimal>asField();
        return SHOP_ORDER
                .PAID_AT
                .isNotNull()
                .and(SHOP_ORDER.CANCELLED_AT.isNull())
                .and(ORDER_LINE.GIFT_CARD.isFalse())
                .and(ORDER_LINE.PRODUCT_ID.isNotNull())
                .and(ORDER_LINE.QUANTITY.cast(SQLDataType.NUMERIC).gt(refunded));
    }

    boolean anySubmitted(ShopId shop, long orderId) {
        return dsl.fetchExists(REVIEW, REVIEW.SHOP_ID.eq(shop.value()).and(REVIEW.ORDER_ID.eq(orderId)));
    }

    /** The new review's id, or empty when the item was reviewed already (the link is used up). */
    Optional<Long> insert(ShopId shop, long orderId, ReviewableItem item, ReviewForm form, Instant now) {
        return dsl.insertInto(REVIEW)
                .set(REVIEW.SHOP_ID, shop.value())
                .set(REVIEW.ORDER_ID, orderId)
                .set(REVIEW.CUSTOMER_ID, item.customerId())
                .set(REVIEW.PRODUCT_ID, item.productId())
                .set(REVIEW.PRODUCT_TITLE, item.title())
                .set(REVIEW.RATING, (short) form.rating())
                .set(REVIEW.TITLE, form.title())
                .set(REVIEW.BODY, form.body())
                .set(REVIEW.DISPLAY_NAME, form.displayName())
                .set(REVIEW.STATUS, ReviewStatus.PENDING.name())
                .set(REVIEW.VERIFIED_BUYER, true)
                .set(REVIEW.SUBMITTED_AT, utc(now))
                .set(REVIEW.UPDATED_AT, utc(now))
                .onConflictDoNothing()
                .returning(REVIEW.REVIEW_ID)
                .fetchOptional(REVIEW.REVIEW_ID);
    }

    Optional<Review> find(ShopId shop, long reviewId) {
        return dsl.selectFrom(REVIEW)
                .where(REVIEW.SHOP_ID.eq(shop.value()))
                .and(REVIEW.REVIEW_ID.eq(reviewId))
                .fetchOptional(ReviewRepository::review);
    }

    Optional<Review> lock(ShopId shop, long reviewId) {
        return dsl.selectFrom(REVIEW)
                .where(REVIEW.SHOP_ID.eq(shop.value()))
                .and(REVIEW.REVIEW_ID.eq(reviewId))
                .forUpdate()
                .fetchOptional(ReviewRepository::review);
    }

    void setStatus(ShopId shop, long reviewId, ReviewStatus status, String rejectReason, Instant now) {
        dsl.update(REVIEW)
                .set(REVIEW.STATUS, status.name())
                .set(REVIEW.REJECT_REASON, rejectReason)
                .set(
                        REVIEW.PUBLISHED_AT,
                        status == ReviewStatus.PUBLISHED ? coalesce(REVIEW.PUBLISHED_AT, DSL.val(utc(now))) : null)
                .set(REVIEW.MODERATED_AT, utc(now))
                .set(REVIEW.UPDATED_AT, utc(now))
                .where(REVIEW.SHOP_ID.eq(shop.value()))
                .and(REVIEW.REVIEW_ID.eq(reviewId))
                .execute();
    }

    void markIncentivized(ShopId shop, long reviewId, long points, long entryId, Instant now) {
        dsl.update(REVIEW)
                .set(REVIEW.INCENTIVIZED, true)
                .set(REVIEW.INCENTIVE_POINTS, points)
                .set(REVIEW.INCENTIVE_ENTRY_ID, entryId)
                .set(REVIEW.INCENTIVE_AWARDED_AT, utc(now))
                .where(REVIEW.SHOP_ID.eq(shop.value()))
                .and(REVIEW.REVIEW_ID.eq(reviewId))
                .execute();
    }

    boolean incentivized(ShopId shop, long reviewId) {
        return dsl.fetchExists(
                REVIEW,
                REVIEW.SHOP_ID
                        .eq(shop.value())
                        .and(REVIEW.REVIEW_ID.eq(reviewId))
                        .and(REVIEW.INCENTIVIZED));
    }

    /** How many of the customer's reviews earned points in [from, to). */
    int incentivesBetween(ShopId shop, long customerId, Instant from, Instant to) {
        return dsl.fetchCount(
                REVIEW,
                REVIEW.SHOP_ID
                        .eq(shop.value())
                        .and(REVIEW.CUSTOMER_ID.eq(customerId))
                        .and(REVIEW.INCENTIVIZED)
                        .and(REVIEW.INCENTIVE_AWARDED_AT.ge(utc(from)))
                        .and(REVIEW.INCENTIVE_AWARDED_AT.lt(utc(to))));
    }

    boolean reply(ShopId shop, long reviewId, String reply, Instant now) {
        return dsl.update(REVIEW)
                        .set(REVIEW.MERCHANT_REPLY, reply)
                        .set(REVIEW.REPLIED_AT, reply == null ? null : utc(now))
                        .set(REVIEW.UPDATED_AT, utc(now))
                        .where(REVIEW.SHOP_ID.eq(shop.value()))
                        .and(REVIEW.REVIEW_ID.eq(reviewId))
                        .execute()
                == 1;
    }

    List<Review> list(ShopId shop, ReviewQuery query) {
        Condition condition = REVIEW.SHOP_ID
                .eq(shop.value())
                .and(REVIEW.RATING.between((short) query.minRating(), (short) query.maxRating()));
        if (query.status() != null) {
            condition = condition.and(REVIEW.STATUS.eq(query.status().name()));
        }
        if (query.productId() != null) {
            condition = condition.and(REVIEW.PRODUCT_ID.eq(query.productId()));
        }
        return dsl.selectFrom(REVIEW)
                .where(condition)
                .orderBy(REVIEW.SUBMITTED_AT.desc(), REVIEW.REVIEW_ID.desc())
                .limit(query.limit())
                .offset(query.offset())
                .fetch(ReviewRepository::review);
    }

    /** Published reviews with text, newest first; a product, or the whole shop when null. */
    List<Review> published(ShopId shop, String productId, int limit) {
        Condition product = productId == null ? DSL.noCondition() : REVIEW.PRODUCT_ID.eq(productId);
        return dsl.selectFrom(REVIEW)
                .where(REVIEW.SHOP_ID.eq(shop.value()))
                .and(product)
                .and(REVIEW.STATUS.eq(ReviewStatus.PUBLISHED.name()))
                .and(REVIEW.REDACTED_AT.isNull())
                .orderBy(REVIEW.PUBLISHED_AT.desc(), REVIEW.REVIEW_ID.desc())
                .limit(limit)
                .fetch(ReviewRepository::review);
    }

    /** Every published rating counts, redacted ones too: without text they are still true. */
    ProductRating rating(ShopId shop, String productId) {
        return dsl.select(count(), avg(REVIEW.RATING))
                .from(REVIEW)
                .where(REVIEW.SHOP_ID.eq(shop.value()))
                .and(REVIEW.PRODUCT_ID.eq(productId))
                .and(REVIEW.STATUS.eq(ReviewStatus.PUBLISHED.name()))
                .fetchSingle(r -> new ProductRating(
                        productId,
                        r.value1(),
                        r.value2() == null ? null : r.value2().setScale(1, RoundingMode.HALF_UP)));
    }

    Optional<ReviewSettings> settings(ShopId shop) {
        return dsl.selectFrom(REVIEW_SETTINGS)
                .where(REVIEW_SETTINGS.SHOP_ID.eq(shop.value()))
                .fetchOptional(r -> new ReviewSettings(
                        r.getAutoPublish(),
                        r.getAutoPublishMinRating(),
                        List.of(r.getBlockedWords()),
                        r.getIncentivePoints(),
                        r.getIncentiveMonthlyCap()));
    }

    void saveSettings(ShopId shop, ReviewSettings settings, Instant now) {
        dsl.insertInto(REVIEW_SETTINGS)
                .set(REVIEW_SETTINGS.SHOP_ID, shop.value())
                .set(REVIEW_SETTINGS.AUTO_PUBLISH, settings.autoPublish())
                .set(REVIEW_SETTINGS.AUTO_PUBLISH_MIN_RATING, (short) settings.autoPublishMinRating())
                .set(REVIEW_SETTINGS.BLOCKED_WORDS, settings.blockedWords().toArray(String[]::new))
                .set(REVIEW_SETTINGS.INCENTIVE_POINTS, settings.incentivePoints())
                .set(REVIEW_SETTINGS.INCENTIVE_MONTHLY_CAP, settings.incentiveMonthlyCap())
                .set(REVIEW_SETTINGS.UPDATED_AT, utc(now))
                .onConflict(REVIEW_SETTINGS.SHOP_ID)
                .doUpdate()
                .set(REVIEW_SETTINGS.AUTO_PUBLISH, settings.autoPublish())
                .set(REVIEW_SETTINGS.AUTO_PUBLISH_MIN_RATING, (short) settings.autoPublishMinRating())
                .set(REVIEW_SETTINGS.BLOCKED_WORDS, settings.blockedWords().toArray(String[]::new))
                .set(REVIEW_SETTINGS.INCENTIVE_POINTS, settings.incentivePoints())
                .set(REVIEW_SETTINGS.INCENTIVE_MONTHLY_CAP, settings.incentiveMonthlyCap())
                .set(REVIEW_SETTINGS.UPDATED_AT, utc(now))
                .execute();
    }

    private static Review review(ReviewRecord r) {
        return new Review(
                r.getReviewId(),
                r.getOrderId(),
                r.getCustomerId(),
                r.getProductId(),
                r.getProductTitle(),
                r.getRating(),
                r.getTitle(),
                r.getBody(),
                r.getDisplayName(),
                ReviewStatus.valueOf(r.getStatus()),
                r.getRejectReason(),
                r.getMerchantReply(),
                instant(r.getRepliedAt()),
                r.getVerifiedBuyer(),
                r.getIncentivized(),
                instant(r.getSubmittedAt()),
                instant(r.getPublishedAt()));
    }

    private static Instant instant(OffsetDateTime at) {
        return at == null ? null : at.toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
