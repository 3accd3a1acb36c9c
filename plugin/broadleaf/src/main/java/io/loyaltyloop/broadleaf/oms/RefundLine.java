package io.loyaltyloop.broadleaf.oms;

import java.math.BigDecimal;

/**
 * One refunded order line: the Broadleaf order item id, how many units went back and the amount
 * refunded for them (merchandise, before tax, in the order's currency).
 */
public final class RefundLine {

    private final long orderItemId;
    private final int quantity;
    private final BigDecimal amount;

    public RefundLine(long orderItemId, int quantity, BigDecimal amount) {
        this.orderItemId = orderItemId;
        this.quantity = quantity;
        this.amount = amount;
    }

    public long orderItemId() {
        return orderItemId;
    }

    public int quantity() {
        return quantity;
    }

    public BigDecimal amount() {
        return amount;
    }
}
