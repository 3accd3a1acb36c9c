package io.loyaltyloop.loyalty;

import static io.loyaltyloop.db.Tables.ORDER_LINE;
import static io.loyaltyloop.db.Tables.ORDER_REFUND;
import static io.loyaltyloop.db.Tables.REFUND_LINE;
import static io.loyaltyloop.db.Tables.SHOP_ORDER;
import static org.jooq.impl.DSL.arrayAgg;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.greatest;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.sum;
import static org.jooq.impl.DSL.val;

import io.loyaltyloop.db.tables.records.ShopOrderRecord;
import io.loyaltyloop.lifecycle.OrderLine;
import io.loyaltyloop.lifecycle.RefundedLine;
import io.loyaltyloop.shop.ShopId;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
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

    /** Locks the order, creating a stub first if it is unknown (a refund can come before it). */
    OrderDraft lockOrCreate(ShopId shop, String externalOrderId) {
        Optional<OrderDraft> existing = lock(shop, externalOrderId);
        if (existing.isPresent()) {
            return existing.get();
        }
        return dsl.insertInto(SHOP_ORDER)
                .set(SHOP_ORDER.SHOP_ID, shop.value())
                .set(SHOP_ORDER.EXTERNAL_ID, externalOrderId)
                .onConflictDoNothing()
                .returning()
                .fetchOptional()
                .map(r -> toDraft(r, true))
                // Created by a concurrent transaction since our read: wait for it and lock it.
                .orElseGet(() -> lock(shop, externalOrderId).orElseThrow());
    }

    /** The order's id, creating a stub if it is unknown; takes no lock. */
    long idOrCreate(ShopId shop, String externalOrderId) {
        return dsl.select(SHOP_ORDER.ORDER_ID)
                .from(SHOP_ORDER)
                .where(SHOP_ORDER.SHOP_ID.eq(shop.value()))
                .and(SHOP_ORDER.EXTERNAL_ID.eq(externalOrderId))
                .fetchOptional(SHOP_ORDER.ORDER_ID)
                .orElseGet(() -> lockOrCreate(shop, externalOrderId).orderId);
    }

    private Optional<OrderDraft> lock(ShopId shop, String externalOrderId) {
        return dsl.selectFrom(SHOP_ORDER)
                .where(SHOP_ORDER.SHOP_ID.eq(shop.value()))
                .and(SHOP_ORDER.EXTERNAL_ID.eq(externalOrderId))
                .forUpdate()
                .fetchOptional(r -> toDraft(r, false));
    }

    OrderDraft lock(ShopId shop, long orderId) {
        return dsl.selectFrom(SHOP_ORDER)
                .where(SHOP_ORDER.SHOP_ID.eq(shop.value()))
                .and(SHOP_ORDER.ORDER_ID.eq(orderId))
                .forUpdate()
                .fetchSingle(r -> toDraft(r, false));
    }

    /** Writes back everything the engine may change on an order, in one statement. */
    void save(ShopId shop, OrderDraft o) {
        dsl.update(SHOP_ORDER)
                .set(SHOP_ORDER.CUSTOMER_ID, o.customerId)
                .set(SHOP_ORDER.ORDER_NAME, o.name)
                .set(SHOP_ORDER.CURRENCY, o.currency)
                .set(SHOP_ORDER.PLACED_AT, utc(o.placedAt))
                .set(SHOP_ORDER.PAID_AT, utc(o.paidAt))
                .set(SHOP_ORDER.CANCELLED_AT, utc(o.cancelledAt))
                .set(SHOP_ORDER.LINES_KNOWN, o.linesKnown)
                .set(SHOP_ORDER.PRIOR_TO_INSTALL, o.priorToInstall)
                .set(SHOP_ORDER.POINTS_PER_UNIT, o.terms == null ? null : o.terms.pointsPerUnit())
                .set(
                        SHOP_ORDER.ROUNDING,
                        o.terms == null ? null : o.terms.rounding().name())
                .set(SHOP_ORDER.EARN_MULTIPLIER, o.terms == null ? null : o.terms.multiplier())
                .set(SHOP_ORDER.ELIGIBLE_AMOUNT, o.eligibleAmount)
                .set(SHOP_ORDER.REFUNDED_AMOUNT, o.refundedAmount)
                .set(SHOP_ORDER.POINTS_NET, o.pointsNet)
                .set(SHOP_ORDER.RELEASE_DUE_AT, utc(o.releaseDueAt))
                .set(SHOP_ORDER.UPDATED_AT, OffsetDateTime.now())
                .where(SHOP_ORDER.SHOP_ID.eq(shop.value()))
                .and(SHOP_ORDER.ORDER_ID.eq(o.orderId))
                .execute();
    }

    /** Stores the lines with their eligibility, fixed on arrival; returns the eligible amount. */
    BigDecimal insertLines(ShopId shop, long orderId, List<OrderLine> lines, Predicate<OrderLine> eligible) {
        BigDecimal eligibleAmount = BigDecimal.ZERO;
        if (lines.isEmpty()) {
            return eligibleAmount;
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
        for (OrderLine line : lines) {
            boolean earns = eligible.test(line);
            if (earns) {
                eligibleAmount = eligibleAmount.add(line.amount());
            }
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
                    earns);
        }
        insert.execute();
        return eligibleAmount;
    }

    /** Records the refund; false if it was recorded before. */
    boolean addRefund(
            ShopId shop, long orderId, String externalRefundId, Instant refundedAt, List<RefundedLine> lines) {
        int inserted = dsl.insertInto(ORDER_REFUND)
                .set(ORDER_REFUND.SHOP_ID, shop.value())
                .set(ORDER_REFUND.ORDER_ID, orderId)
                .set(ORDER_REFUND.EXTERNAL_REFUND_ID, externalRefundId)
                .set(ORDER_REFUND.REFUNDED_AT, utc(refundedAt))
                .onConflictDoNothing()
                .execute();
        if (inserted == 0) {
            return false;
        }
        if (!lines.isEmpty()) {
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
        }
        return true;
    }

    /**
     * What refunds took back from the order's eligible lines. A refund of a line counts only once
     * the line is known to be eligible, so the result does not depend on whether the refund or the
     * order arrived first.
     */
    BigDecimal refundedEligibleAmount(ShopId shop, long orderId) {
        return dsl.select(coalesce(sum(REFUND_LINE.AMOUNT), BigDecimal.ZERO))
                .from(REFUND_LINE)
                .join(ORDER_LINE)
                .on(ORDER_LINE
                        .SHOP_ID
                        .eq(REFUND_LINE.SHOP_ID)
                        .and(ORDER_LINE.ORDER_ID.eq(REFUND_LINE.ORDER_ID))
                        .and(ORDER_LINE.EXTERNAL_LINE_ID.eq(REFUND_LINE.EXTERNAL_LINE_ID)))
                .where(REFUND_LINE.SHOP_ID.eq(shop.value()))
                .and(REFUND_LINE.ORDER_ID.eq(orderId))
                .and(ORDER_LINE.ELIGIBLE.isTrue())
                .fetchSingle(0, BigDecimal.class);
    }

    /** {@link TierSpend#asOf}: the one definition of qualifying spend. */
    BigDecimal spendAsOf(ShopId shop, long customerId, Instant from, Instant asOf, long excludingOrderId) {
        return dsl.fetchValue(TierSpend.asOf(val(shop.value()), val(customerId), from, asOf, excludingOrderId));
    }

    /**
     * The customer's spend on their other orders paid in [windowStart, now] (not cancelled, less
     * refunds), and their other orders paid in (paidAfter, paidUntil], earliest payment first: the
     * orders whose tier at payment this order's facts can change. One query for both.
     */
    CustomerSpend customerSpend(
            ShopId shop,
            long customerId,
            long excludingOrderId,
            Instant windowStart,
            Instant now,
            Instant paidAfter,
            Instant paidUntil) {
        var remaining = greatest(SHOP_ORDER.ELIGIBLE_AMOUNT.minus(SHOP_ORDER.REFUNDED_AMOUNT), inline(BigDecimal.ZERO));
        var inWindow = SHOP_ORDER.PAID_AT.between(utc(windowStart), utc(now)).and(SHOP_ORDER.CANCELLED_AT.isNull());
        var later = paidAfter == null
                ? org.jooq.impl.DSL.falseCondition()
                : SHOP_ORDER.PAID_AT.gt(utc(paidAfter)).and(SHOP_ORDER.PAID_AT.le(utc(paidUntil)));
        return dsl.select(
                        coalesce(sum(remaining).filterWhere(inWindow), BigDecimal.ZERO),
                        arrayAgg(SHOP_ORDER.ORDER_ID)
                                .orderBy(SHOP_ORDER.PAID_AT, SHOP_ORDER.ORDER_ID)
                                .filterWhere(later))
                .from(SHOP_ORDER)
                .where(SHOP_ORDER.SHOP_ID.eq(shop.value()))
                .and(SHOP_ORDER.CUSTOMER_ID.eq(customerId))
                .and(SHOP_ORDER.PAID_AT.isNotNull())
                .and(SHOP_ORDER.ORDER_ID.ne(excludingOrderId))
                .and(inWindow.or(later))
                .fetchSingle(
                        r -> new CustomerSpend(r.value1(), r.value2() == null ? List.of() : Arrays.asList(r.value2())));
    }

    record CustomerSpend(BigDecimal inWindow, List<Long> laterOrderIds) {}

    void markReleased(ShopId shop, long orderId, Instant releasedAt) {
        dsl.update(SHOP_ORDER)
                .set(SHOP_ORDER.RELEASED_AT, utc(releasedAt))
                .where(SHOP_ORDER.SHOP_ID.eq(shop.value()))
                .and(SHOP_ORDER.ORDER_ID.eq(orderId))
                .execute();
    }

    /**
     * Orders whose return window has closed and whose points are not yet released, of installed
     * shops only: an uninstalled shop's orders wait, and release if the merchant reinstalls.
     */
    List<DueOrder> dueForRelease(Instant now, int limit) {
        return dsl.select(SHOP_ORDER.SHOP_ID, SHOP_ORDER.ORDER_ID, SHOP_ORDER.CUSTOMER_ID)
                .from(SHOP_ORDER)
                .join(io.loyaltyloop.db.Tables.SHOP)
                .on(io.loyaltyloop.db.Tables.SHOP.SHOP_ID.eq(SHOP_ORDER.SHOP_ID))
                .where(SHOP_ORDER.RELEASED_AT.isNull())
                .and(io.loyaltyloop.db.Tables.SHOP.STATUS.eq("ACTIVE"))
                .and(SHOP_ORDER.RELEASE_DUE_AT.le(utc(now)))
                .orderBy(SHOP_ORDER.RELEASE_DUE_AT)
                .limit(limit)
                .fetch(r -> new DueOrder(new ShopId(r.value1()), r.value2(), r.value3()));
    }

    record DueOrder(ShopId shop, long orderId, Long customerId) {}

    private static OrderDraft toDraft(ShopOrderRecord r, boolean created) {
        OrderDraft o = new OrderDraft(r.getOrderId(), r.getExternalId(), created);
        o.customerId = r.getCustomerId();
        o.name = r.getOrderName();
        o.currency = r.getCurrency();
        o.placedAt = instant(r.getPlacedAt());
        o.paidAt = instant(r.getPaidAt());
        o.cancelledAt = instant(r.getCancelledAt());
        o.linesKnown = r.getLinesKnown();
        o.priorToInstall = r.getPriorToInstall();
        o.terms = r.getEarnMultiplier() == null
                ? null
                : new EarningTerms(r.getPointsPerUnit(), Rounding.valueOf(r.getRounding()), r.getEarnMultiplier());
        o.eligibleAmount = r.getEligibleAmount();
        o.refundedAmount = r.getRefundedAmount();
        o.pointsNet = r.getPointsNet();
        o.releaseDueAt = instant(r.getReleaseDueAt());
        o.releasedAt = instant(r.getReleasedAt());
        return o;
    }

    private static Instant instant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
