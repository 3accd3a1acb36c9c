package io.loyaltyloop.loyalty;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * An order as the engine holds it, locked for the length of the transaction and changed in memory;
 * {@link OrderRepository#save} writes it back in one statement. Setters of facts report whether the
 * fact is new, and note when it changes the order's spend (which tiers are measured on).
 */
final class OrderDraft {

    final long orderId;
    final String externalId;
    final boolean created;
    Long customerId;
    String name;
    String currency;
    Instant placedAt;
    Instant paidAt;
    Instant cancelledAt;
    boolean linesKnown;
    boolean priorToInstall;
    EarningTerms terms;
    BigDecimal eligibleAmount;
    BigDecimal refundedAmount;
    long pointsNet;
    Instant releaseDueAt;
    Instant releasedAt;
    private boolean spendChanged;

    OrderDraft(long orderId, String externalId, boolean created) {
        this.orderId = orderId;
        this.externalId = externalId;
        this.created = created;
    }

    void assignCustomer(long id) {
        customerId = id;
        spendChanged = true;
    }

    void markPaid(Instant at) {
        if (paidAt == null) {
            paidAt = at;
            spendChanged = true;
        }
    }

    void markCancelled(Instant at) {
        if (cancelledAt == null) {
            cancelledAt = at;
            spendChanged = true;
        }
    }

    void linesArrived(BigDecimal eligible) {
        linesKnown = true;
        eligibleAmount = eligible;
        spendChanged = true;
    }

    void refundsChanged(BigDecimal refunded) {
        refundedAmount = refunded;
        spendChanged = true;
    }

    /** Whether this transaction changed a fact that counts towards the customer's spend. */
    boolean spendChanged() {
        return spendChanged;
    }

    /** The eligible amount no refund has taken back; the base the order's points are measured on. */
    /** The facts others derive work from (journeys), as they stand now. */
    OrderChange.OrderState state() {
        boolean fullyRefunded =
                linesKnown && eligibleAmount.signum() > 0 && refundedAmount.compareTo(eligibleAmount) >= 0;
        return new OrderChange.OrderState(
                created, customerId, paidAt, cancelledAt != null, fullyRefunded, priorToInstall);
    }

    BigDecimal remainingAmount() {
        BigDecimal remaining = eligibleAmount.subtract(refundedAmount);
        return remaining.signum() < 0 ? BigDecimal.ZERO : remaining;
    }

    /** What the order adds to the customer's spend while it is paid and not cancelled. */
    BigDecimal spend() {
        return paidAt != null && cancelledAt == null ? remainingAmount() : BigDecimal.ZERO;
    }

    boolean released() {
        return releasedAt != null;
    }
}
