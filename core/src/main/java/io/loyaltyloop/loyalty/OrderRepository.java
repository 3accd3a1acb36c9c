package io.loyaltyloop.loyalty;

import static io.loyaltyloop.db.Tables.ORDER_LINE;
import static io.loyaltyloop.db.Tables.ORDER_REFUND;
import static io.loyaltyloop.db.Tables.REFUND_LINE;
import static io.loyaltyloop.db.Tables.SHOP_ORDER;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.sum;

import io.loyaltyloop.db.tables.records.ShopOrderRecord;
import io.loyaltyloop.lifecycle.OrderLine;
import io.loyaltyloop.lifecycle.OrderSnapshot;
import io.loyaltyloop.lifecycle.RefundedLine;
import io.loyaltyloop.shop.ShopId;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.jooq.DSLContext;

class OrderRepository {

    private final DSLContext dsl;

    OrderRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** The order's customer, read without a lock, to learn which account to lock first. */
    Optional<Long> findCustomerId(ShopId shop, String externalOrderId) {
        return dsl.select(SHOP_ORDER.CUSTOMER_ID)
                .from(SHOP_ORDER)
                .where(SHOP_ORDER.SHOP_ID.eq(shop.value()))
                .and(SHOP_ORDER.EXTERNAL_ID.eq(externalOrderId))
                .fetchOptional(SHOP_ORDER.CUSTOMER_ID);
    }

    /** Creates a stub if the order is unknown (a refund can come first), then locks it. */
    OrderState lockOrCreate(ShopId shop, String externalOrderId) {
        dsl.insertInto(SHOP_ORDER)
                .set(SHOP_ORDER.SHOP_ID, shop.value())
                .set(SHOP_ORDER.EXTERNAL_ID, externalOrderId)
                .onConflictDoNothing()
                .execute();
        return toState(dsl.selectFrom(SHOP_ORDER)
                .where(SHOP_ORDER.SHOP_ID.eq(shop.value()))
                .and(SHOP_ORDER.EXTERNAL_ID.eq(externalOrderId))
                .forUpdate()
                .fetchSingle());
    }

    OrderState lock(ShopId shop, long orderId) {
        return toState(dsl.selectFrom(SHOP_ORDER)
                .where(SHOP_ORDER.SHOP_ID.eq(shop.value()))
                .and(SHOP_ORDER.ORDER_ID.eq(orderId))
                .forUpdate()
                .fetchSingle());
    }

    void setCustomer(ShopId shop, long orderId, long customerId) {
        dsl.update(SHOP_ORDER)
                .set(SHOP_ORDER.CUSTOMER_ID, customerId)
                .where(SHOP_ORDER.SHOP_ID.eq(shop.value()))
                .and(SHOP_ORDER.ORDER_ID.eq(orderId))
                .and(SHOP_ORDER.CUSTOMER_ID.isNull())
                .execute();
    }

    /**
     * Records what a snapshot tells. Lines are taken from the first snapshot that has them: later
     * snapshots of the same order describe the same purchase, and refunds are tracked separately.
     */
    void recordSnapshot(
            ShopId shop, long orderId, OrderSnapshot order, boolean priorToInstall, Predicate<OrderLine> eligible) {
        int updated = dsl.update(SHOP_ORDER)
                .set(SHOP_ORDER.ORDER_NAME, order.name())
                .set(SHOP_ORDER.CURRENCY, order.currency())
                .set(SHOP_ORDER.PLACED_AT, utc(order.placedAt()))
                .set(SHOP_ORDER.PRIOR_TO_INSTALL, priorToInstall)
                .set(SHOP_ORDER.LINES_KNOWN, true)
                .set(SHOP_ORDER.UPDATED_AT, OffsetDateTime.now())
                .where(SHOP_ORDER.SHOP_ID.eq(shop.value()))
                .and(SHOP_ORDER.ORDER_ID.eq(orderId))
                .and(SHOP_ORDER.LINES_KNOWN.isFalse())
                .execute();
        if (updated == 0) {
            return;
        }
        var insert = dsl.insertInto(
                ORDER_LINE,
                ORDER_LINE.SHOP_ID,
                ORDER_LINE.ORDER_ID,
                ORDER_LINE.EXTERNAL_LINE_ID,
                ORDER_LINE.PRODUCT_ID,
                ORDER_LINE.VARIANT_ID,
                ORDER_LINE.SKU,
                ORDER_LINE.TITLE,
                ORDER_LINE.VENDOR,
                ORDER_LINE.PRODUCT_TYPE,
                ORDER_LINE.QUANTITY,
                ORDER_LINE.AMOUNT,
                ORDER_LINE.GIFT_CARD,
                ORDER_LINE.ELIGIBLE);
        for (OrderLine line : order.lines()) {
            insert = insert.values(
                    shop.value(),
                    orderId,
                    line.externalLineId(),
                    line.productId(),
                    line.variantId(),
                    line.sku(),
                    line.title(),
                    line.vendor(),
                    line.productType(),
                    line.quantity(),
                    line.amount(),
                    line.giftCard(),
                    eligible.test(line));
        }
        if (!order.lines().isEmpty()) {
            insert.onConflictDoNothing().execute();
        }
        recomputeAmounts(shop, orderId);
    }

    void markPaid(ShopId shop, long orderId, Instant paidAt) {
        dsl.update(SHOP_ORDER)
                .set(SHOP_ORDER.PAID_AT, utc(paidAt))
                .where(SHOP_ORDER.SHOP_ID.eq(shop.value()))
                .and(SHOP_ORDER.ORDER_ID.eq(orderId))
                .and(SHOP_ORDER.PAID_AT.isNull())
                .execute();
    }

    void markCancelled(ShopId shop, long orderId, Instant cancelledAt) {
        dsl.update(SHOP_ORDER)
                .set(SHOP_ORDER.CANCELLED_AT, utc(cancelledAt))
                .where(SHOP_ORDER.SHOP_ID.eq(shop.value()))
                .and(SHOP_ORDER.ORDER_ID.eq(orderId))
                .and(SHOP_ORDER.CANCELLED_AT.isNull())
                .execute();
    }

    void addRefund(ShopId shop, long orderId, String externalRefundId, Instant refundedAt, List<RefundedLine> lines) {
        int inserted = dsl.insertInto(ORDER_REFUND)
                .set(ORDER_REFUND.SHOP_ID, shop.value())
                .set(ORDER_REFUND.ORDER_ID, orderId)
                .set(ORDER_REFUND.EXTERNAL_REFUND_ID, externalRefundId)
                .set(ORDER_REFUND.REFUNDED_AT, utc(refundedAt))
                .onConflictDoNothing()
                .execute();
        if (inserted == 0 || lines.isEmpty()) {
            return;
        }
        var insert = dsl.insertInto(
                REFUND_LINE,
                REFUND_LINE.SHOP_ID,
                REFUND_LINE.ORDER_ID,
                REFUND_LINE.EXTERNAL_REFUND_ID,
                REFUND_LINE.EXTERNAL_LINE_ID,
                REFUND_LINE.QUANTITY,
                REFUND_LINE.AMOUNT);
        for (RefundedLine line : lines) {
            insert = insert.values(
                    shop.value(), orderId, externalRefundId, line.externalLineId(), line.quantity(), line.amount());
        }
        insert.execute();
        recomputeAmounts(shop, orderId);
    }

    /**
     * Recomputes the order's eligible and refunded amounts from its lines and refunds. Refunds of a
     * line count only once the line is known to be eligible, so the result does not depend on
     * whether the refund or the order arrived first.
     */
    private void recomputeAmounts(ShopId shop, long orderId) {
        var eligible = select(coalesce(sum(ORDER_LINE.AMOUNT), BigDecimal.ZERO))
                .from(ORDER_LINE)
                .where(ORDER_LINE.SHOP_ID.eq(shop.value()))
                .and(ORDER_LINE.ORDER_ID.eq(orderId))
                .and(ORDER_LINE.ELIGIBLE.isTrue());
        var refunded = select(coalesce(sum(REFUND_LINE.AMOUNT), BigDecimal.ZERO))
                .from(REFUND_LINE)
                .join(ORDER_LINE)
                .on(ORDER_LINE
                        .SHOP_ID
                        .eq(REFUND_LINE.SHOP_ID)
                        .and(ORDER_LINE.ORDER_ID.eq(REFUND_LINE.ORDER_ID))
                        .and(ORDER_LINE.EXTERNAL_LINE_ID.eq(REFUND_LINE.EXTERNAL_LINE_ID)))
                .where(REFUND_LINE.SHOP_ID.eq(shop.value()))
                .and(REFUND_LINE.ORDER_ID.eq(orderId))
                .and(ORDER_LINE.ELIGIBLE.isTrue());
        dsl.update(SHOP_ORDER)
                .set(SHOP_ORDER.ELIGIBLE_AMOUNT, field(eligible))
                .set(SHOP_ORDER.REFUNDED_AMOUNT, field(refunded))
                .where(SHOP_ORDER.SHOP_ID.eq(shop.value()))
                .and(SHOP_ORDER.ORDER_ID.eq(orderId))
                .execute();
    }

    void fixTerms(ShopId shop, long orderId, EarningTerms terms) {
        dsl.update(SHOP_ORDER)
                .set(SHOP_ORDER.POINTS_PER_UNIT, terms.pointsPerUnit())
                .set(SHOP_ORDER.ROUNDING, terms.rounding().name())
                .set(SHOP_ORDER.EARN_MULTIPLIER, terms.multiplier())
                .where(SHOP_ORDER.SHOP_ID.eq(shop.value()))
                .and(SHOP_ORDER.ORDER_ID.eq(orderId))
                .execute();
    }

    void setPointsNet(ShopId shop, long orderId, long pointsNet) {
        dsl.update(SHOP_ORDER)
                .set(SHOP_ORDER.POINTS_NET, pointsNet)
                .set(SHOP_ORDER.UPDATED_AT, OffsetDateTime.now())
                .where(SHOP_ORDER.SHOP_ID.eq(shop.value()))
                .and(SHOP_ORDER.ORDER_ID.eq(orderId))
                .execute();
    }

    void setReleaseDue(ShopId shop, long orderId, Instant releaseDueAt) {
        dsl.update(SHOP_ORDER)
                .set(SHOP_ORDER.RELEASE_DUE_AT, utc(releaseDueAt))
                .where(SHOP_ORDER.SHOP_ID.eq(shop.value()))
                .and(SHOP_ORDER.ORDER_ID.eq(orderId))
                .execute();
    }

    void markReleased(ShopId shop, long orderId, Instant releasedAt) {
        dsl.update(SHOP_ORDER)
                .set(SHOP_ORDER.RELEASED_AT, utc(releasedAt))
                .where(SHOP_ORDER.SHOP_ID.eq(shop.value()))
                .and(SHOP_ORDER.ORDER_ID.eq(orderId))
                .execute();
    }

    /**
     * The customer's qualifying spend in [from, to): paid, not cancelled, what refunds left of the
     * eligible amounts.
     */
    BigDecimal spend(ShopId shop, long customerId, Instant from, Instant to, long excludingOrderId) {
        return dsl.select(coalesce(sum(SHOP_ORDER.ELIGIBLE_AMOUNT.minus(SHOP_ORDER.REFUNDED_AMOUNT)), BigDecimal.ZERO))
                .from(SHOP_ORDER)
                .where(SHOP_ORDER.SHOP_ID.eq(shop.value()))
                .and(SHOP_ORDER.CUSTOMER_ID.eq(customerId))
                .and(SHOP_ORDER.PAID_AT.ge(utc(from)))
                .and(SHOP_ORDER.PAID_AT.lt(utc(to)))
                .and(SHOP_ORDER.CANCELLED_AT.isNull())
                .and(SHOP_ORDER.ORDER_ID.ne(excludingOrderId))
                .fetchSingle(0, BigDecimal.class);
    }

    /**
     * The customer's qualifying spend in [from, asOf) as the books stood at {@code asOf}: paid in
     * that range, not cancelled before {@code asOf}, less what refunds before {@code asOf} took back
     * of the eligible amounts. Later cancellations and refunds do not count, whenever they arrive.
     */
    BigDecimal spendAsOf(ShopId shop, long customerId, Instant from, Instant asOf, long excludingOrderId) {
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
        return dsl.select(coalesce(sum(SHOP_ORDER.ELIGIBLE_AMOUNT.minus(field(refundedBefore))), BigDecimal.ZERO))
                .from(SHOP_ORDER)
                .where(SHOP_ORDER.SHOP_ID.eq(shop.value()))
                .and(SHOP_ORDER.CUSTOMER_ID.eq(customerId))
                .and(SHOP_ORDER.PAID_AT.ge(utc(from)))
                .and(SHOP_ORDER.PAID_AT.lt(utc(asOf)))
                .and(SHOP_ORDER.CANCELLED_AT.isNull().or(SHOP_ORDER.CANCELLED_AT.ge(utc(asOf))))
                .and(SHOP_ORDER.ORDER_ID.ne(excludingOrderId))
                .fetchSingle(0, BigDecimal.class);
    }

    /** The customer's other orders paid in (after, until], earliest payment first. */
    List<Long> paidBetween(ShopId shop, long customerId, Instant after, Instant until, long excludingOrderId) {
        return dsl.select(SHOP_ORDER.ORDER_ID)
                .from(SHOP_ORDER)
                .where(SHOP_ORDER.SHOP_ID.eq(shop.value()))
                .and(SHOP_ORDER.CUSTOMER_ID.eq(customerId))
                .and(SHOP_ORDER.PAID_AT.gt(utc(after)))
                .and(SHOP_ORDER.PAID_AT.le(utc(until)))
                .and(SHOP_ORDER.ORDER_ID.ne(excludingOrderId))
                .orderBy(SHOP_ORDER.PAID_AT, SHOP_ORDER.ORDER_ID)
                .fetch(SHOP_ORDER.ORDER_ID);
    }

    /** Orders whose return window has closed and whose points are not yet released. */
    List<DueOrder> dueForRelease(Instant now, int limit) {
        return dsl.select(SHOP_ORDER.SHOP_ID, SHOP_ORDER.ORDER_ID, SHOP_ORDER.CUSTOMER_ID)
                .from(SHOP_ORDER)
                .where(SHOP_ORDER.RELEASED_AT.isNull())
                .and(SHOP_ORDER.RELEASE_DUE_AT.le(utc(now)))
                .orderBy(SHOP_ORDER.RELEASE_DUE_AT)
                .limit(limit)
                .fetch(r -> new DueOrder(new ShopId(r.value1()), r.value2(), r.value3()));
    }

    record DueOrder(ShopId shop, long orderId, Long customerId) {}

    private static OrderState toState(ShopOrderRecord r) {
        EarningTerms terms = r.getEarnMultiplier() == null
                ? null
                : new EarningTerms(r.getPointsPerUnit(), Rounding.valueOf(r.getRounding()), r.getEarnMultiplier());
        return new OrderState(
                r.getOrderId(),
                r.getExternalId(),
                r.getCustomerId(),
                instant(r.getPlacedAt()),
                instant(r.getPaidAt()),
                instant(r.getCancelledAt()),
                r.getLinesKnown(),
                r.getPriorToInstall(),
                terms,
                r.getEligibleAmount(),
                r.getRefundedAmount(),
                r.getPointsNet(),
                instant(r.getReleaseDueAt()),
                instant(r.getReleasedAt()));
    }

    private static Instant instant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
