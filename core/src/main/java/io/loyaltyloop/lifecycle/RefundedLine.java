package io.loyaltyloop.lifecycle;

import java.math.BigDecimal;

/**
 * What a refund took back from one order line.
 *
 * @param amount the refunded merchandise amount after discounts, before tax, in shop money
 */
public record RefundedLine(String externalLineId, int quantity, BigDecimal amount) {

    public RefundedLine {
        Check.id("refunded line id", externalLineId);
        Check.quantity("refunded quantity", quantity);
        Check.amount("refunded amount", amount);
    }
}
