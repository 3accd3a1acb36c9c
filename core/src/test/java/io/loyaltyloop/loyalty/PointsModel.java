package io.loyaltyloop.loyalty;

import io.loyaltyloop.loyalty.Scenario.PlannedLine;
import io.loyaltyloop.loyalty.Scenario.PlannedOrder;
import io.loyaltyloop.loyalty.Scenario.PlannedRefund;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The default program's earning rule written down independently of the engine: what each order of a
 * scenario should hold in net points once a given set of its events has been applied.
 *
 * <p>1 point per whole currency unit of the remaining eligible amount (gift cards excluded, refunds
 * of eligible lines taken off), times the tier multiplier, rounded down per order; 0 unless the
 * order is paid, not cancelled, not a guest's, and its lines and customer are known. The tier is fixed at payment:
 * the customer's spend on their other orders paid in the 12 months before, net of what had been
 * refunded by then, and leaving out orders cancelled by then.
 */
final class PointsModel {

    private static final BigDecimal SILVER = new BigDecimal("500");
    private static final BigDecimal GOLD = new BigDecimal("1500");

    private PointsModel() {}

    /** Expected net points per order id when every event of the scenario has been applied. */
    static Map<String, Long> expected(Scenario scenario) {
        return expected(scenario, null);
    }

    /** Expected net points per order id once the events with these source ids were applied; null: all. */
    static Map<String, Long> expected(Scenario scenario, Set<String> applied) {
        Map<String, Long> points = new LinkedHashMap<>();
        for (PlannedOrder order : scenario.orders()) {
            points.put(order.id(), points(scenario, order, applied));
        }
        return points;
    }

    static long points(Scenario scenario, PlannedOrder order, Set<String> applied) {
        if (order.customer() == null // guests earn nothing
                || !paid(order, applied)
                || cancelledBefore(order, null, applied)
                || !linesKnown(order, applied)) {
            return 0;
        }
        BigDecimal remaining = remaining(order, null, applied);
        return remaining
                .multiply(multiplier(scenario, order, applied))
                .setScale(0, RoundingMode.FLOOR)
                .longValueExact();
    }

    static BigDecimal multiplier(Scenario scenario, PlannedOrder order, Set<String> applied) {
        Instant paidAt = order.paidAt();
        Instant windowStart = paidAt.atOffset(ZoneOffset.UTC).minusMonths(12).toInstant();
        BigDecimal spend = BigDecimal.ZERO;
        for (PlannedOrder other : scenario.orders()) {
            if (other == order || !order.customer().equals(other.customer()) || !paid(other, applied)) {
                continue;
            }
            if (other.paidAt().isBefore(windowStart) || !other.paidAt().isBefore(paidAt)) {
                continue;
            }
            if (cancelledBefore(other, paidAt, applied)) {
                continue;
            }
            spend = spend.add(remaining(other, paidAt, applied));
        }
        if (spend.compareTo(GOLD) >= 0) {
            return new BigDecimal("1.5");
        }
        if (spend.compareTo(SILVER) >= 0) {
            return new BigDecimal("1.25");
        }
        return BigDecimal.ONE;
    }

    /** Eligible amount less eligible refunds (those before {@code asOf}, if given), never below 0. */
    static BigDecimal remaining(PlannedOrder order, Instant asOf, Set<String> applied) {
        BigDecimal remaining = BigDecimal.ZERO;
        for (PlannedLine line : order.lines()) {
            if (line.giftCard()) {
                continue;
            }
            remaining = remaining.add(line.amount());
            for (PlannedRefund refund : order.refunds()) {
                if (!has(applied, order.refundEventId(refund))
                        || (asOf != null && !refund.at().isBefore(asOf))) {
                    continue;
                }
                remaining = remaining.subtract(refund.amounts().getOrDefault(line.id(), BigDecimal.ZERO));
            }
        }
        return remaining.max(BigDecimal.ZERO);
    }

    private static boolean paid(PlannedOrder order, Set<String> applied) {
        return order.paidAt() != null && has(applied, order.paidEventId());
    }

    private static boolean cancelledBefore(PlannedOrder order, Instant asOf, Set<String> applied) {
        return order.cancelledAt() != null
                && has(applied, order.cancelledEventId())
                && (asOf == null || order.cancelledAt().isBefore(asOf));
    }

    /** Lines (and the customer) come with the placed and paid events, and with a cancellation that carries the order. */
    private static boolean linesKnown(PlannedOrder order, Set<String> applied) {
        return has(applied, order.placedEventId())
                || paid(order, applied)
                || (order.cancelWithSnapshot() && cancelledBefore(order, null, applied));
    }

    private static boolean has(Set<String> applied, String sourceEventId) {
        return applied == null || applied.contains(sourceEventId);
    }
}
