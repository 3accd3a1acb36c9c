package io.loyaltyloop.review;

import static io.loyaltyloop.db.Tables.ORDER_LINE;
import static io.loyaltyloop.db.Tables.SHOP_ORDER;
import static org.jooq.impl.DSL.min;
import static org.jooq.impl.DSL.multiset;
import static org.jooq.impl.DSL.select;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.jooq.Field;
import org.jooq.Record5;
import org.jooq.Select;

/**
 * The one definition of a customer's items still to review, as a query part: the review feature
 * reads it ({@link ReviewInvitations#pendingFor}), and read models nest it into their own single
 * query (the storefront's customer state), then sign the links with {@link
 * ReviewInvitations#linked}.
 */
public final class OpenReviewItems {

    private OpenReviewItems() {}

    /**
     * The customer's open items across their orders paid within a review link's validity before
     * {@code now}, newest order first, one per order and product, at most {@code limit}.
     *
     * @param customerId the engine's internal customer id (usually a correlated column)
     */
    public static Field<List<OpenReviewItem>> withinLinkValidity(
            Field<Long> shopId, Field<Long> customerId, Instant now, int limit) {
        return multiset(paidSince(shopId, customerId, now.minus(SignedReviewInvitations.VALIDITY), limit))
                .convertFrom(rows -> rows.map(OpenReviewItems::toItem));
    }

    static Select<Record5<Long, String, String, String, OffsetDateTime>> paidSince(
            Field<Long> shopId, Field<Long> customerId, Instant since, int limit) {
        return select(
                        SHOP_ORDER.ORDER_ID,
                        SHOP_ORDER.ORDER_NAME,
                        ORDER_LINE.PRODUCT_ID,
                        min(ORDER_LINE.TITLE),
                        SHOP_ORDER.PAID_AT)
                .from(ORDER_LINE)
                .join(SHOP_ORDER)
                .on(SHOP_ORDER.SHOP_ID.eq(ORDER_LINE.SHOP_ID))
                .and(SHOP_ORDER.ORDER_ID.eq(ORDER_LINE.ORDER_ID))
                .where(SHOP_ORDER.SHOP_ID.eq(shopId))
                .and(SHOP_ORDER.CUSTOMER_ID.eq(customerId))
                .and(SHOP_ORDER.PAID_AT.ge(since.atOffset(ZoneOffset.UTC)))
                .and(ReviewRepository.reviewable())
                .and(ReviewRepository.reviewed().isFalse())
                .groupBy(SHOP_ORDER.ORDER_ID, SHOP_ORDER.ORDER_NAME, ORDER_LINE.PRODUCT_ID, SHOP_ORDER.PAID_AT)
                .orderBy(SHOP_ORDER.PAID_AT.desc(), SHOP_ORDER.ORDER_ID.desc(), ORDER_LINE.PRODUCT_ID)
                .limit(limit);
    }

    static OpenReviewItem toItem(Record5<Long, String, String, String, OffsetDateTime> r) {
        return new OpenReviewItem(r.value1(), r.value2(), r.value3(), r.value4());
    }
}
