package io.loyaltyloop.loyalty;

import static io.loyaltyloop.db.Tables.ORDER_LINE;
import static io.loyaltyloop.db.Tables.ORDER_REFUND;
import static io.loyaltyloop.db.Tables.REFUND_LINE;
import static io.loyaltyloop.db.Tables.SHOP_ORDER;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.greatest;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.sum;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.jooq.Field;
import org.jooq.Record1;
import org.jooq.Select;

/**
 * The one definition of a customer's qualifying spend, as a query part: the engine prices orders
 * with it ({@code OrderRepository.spendAsOf}) and read models nest it into their own single query
 * (the storefront's customer state), so the tier a customer is shown is the tier they earn at.
 */
public final class TierSpend {

    private TierSpend() {}

    /** Where a tier window of {@code months} that ends at {@code now} starts. */
    public static Instant windowStart(Instant now, int months) {
        return now.atOffset(ZoneOffset.UTC).minusMonths(months).toInstant();
    }

    /**
     * The customer's qualifying spend in [from, asOf) as the books stood at {@code asOf}: paid in
     * that range, not cancelled before {@code asOf}, less what refunds before {@code asOf} took back
     * of the eligible amounts. Later cancellations and refunds do not count, whenever they arrive.
     *
     * @param excludingOrderId an order left out (the one being priced), 0 for none
     */
    public static Select<Record1<BigDecimal>> asOf(
            Field<Long> shopId, Field<Long> customerId, Instant from, Instant asOf, long excludingOrderId) {
        var refundedBefore = select(coalesce(sum(REFUND_LINE.AMOUNT), BigDecimal.ZERO))
                .from(REFUND_LINE)
                .join(ORDER_REFUND)
                .on(ORDER_REFUND
                        .SHOP_ID
                        .eq(REFUND_LINE.SHOP_ID)
                        .and(ORDER_REFUND.ORDER_ID.eq(REFUND_LINE.ORDER_ID))
                        .and(ORDER_REFUND.EXTERNAL_REFUND_ID.eq(REFUND_LINE.EXTERNAL_REFUND_ID)))
                .join(ORDER_LINE)
                .on(ORDER_LINE
                        .SHOP_ID
                        .eq(REFUND_LINE.SHOP_ID)
                        .and(ORDER_LINE.ORDER_ID.eq(REFUND_LINE.ORDER_ID))
                        .and(ORDER_LINE.EXTERNAL_LINE_ID.eq(REFUND_LINE.EXTERNAL_LINE_ID)))
                .where(REFUND_LINE.SHOP_ID.eq(SHOP_ORDER.SHOP_ID))
                .and(REFUND_LINE.ORDER_ID.eq(SHOP_ORDER.ORDER_ID))
                .and(ORDER_LINE.ELIGIBLE.isTrue())
                .and(ORDER_REFUND.REFUNDED_AT.lt(utc(asOf)));
        return select(coalesce(
                        sum(greatest(SHOP_ORDER.ELIGIBLE_AMOUNT.minus(field(refundedBefore)), inline(BigDecimal.ZERO))),
                        BigDecimal.ZERO))
                .from(SHOP_ORDER)
                .where(SHOP_ORDER.SHOP_ID.eq(shopId))
                .and(SHOP_ORDER.CUSTOMER_ID.eq(customerId))
                .and(SHOP_ORDER.PAID_AT.ge(utc(from)))
                .and(SHOP_ORDER.PAID_AT.lt(utc(asOf)))
                .and(SHOP_ORDER.CANCELLED_AT.isNull().or(SHOP_ORDER.CANCELLED_AT.ge(utc(asOf))))
                .and(SHOP_ORDER.ORDER_ID.ne(excludingOrderId));
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
