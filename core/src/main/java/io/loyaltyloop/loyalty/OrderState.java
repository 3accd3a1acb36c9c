package io.loyaltyloop.loyalty;

import java.math.BigDecimal;
import java.time.Instant;

/** An order as the engine holds it, locked for a change. */
record OrderState(
        long orderId,
        String externalId,
        Long customerId,
        Instant placedAt,
        Instant paidAt,
        Instant cancelledAt,
        boolean linesKnown,
        boolean priorToInstall,
        EarningTerms terms,
        BigDecimal eligibleAmount,
        BigDecimal refundedAmount,
        long pointsNet,
        Instant releaseDueAt,
        Instant releasedAt) {

    /** The eligible amount no refund has taken back; the base the order's points are measured on. */
    BigDecimal remainingAmount() {
        BigDecimal remaining = eligibleAmount.subtract(refundedAmount);
        return remaining.signum() < 0 ? BigDecimal.ZERO : remaining;
    }

    boolean released() {
        return releasedAt != null;
    }
}
