package io.loyaltyloop.loyalty;

/** The available balance cannot cover the change. Nothing was changed. */
public class InsufficientPointsException extends RuntimeException {

    private final long available;
    private final long required;

    public InsufficientPointsException(long available, long required) {
        super("needs " + required + " points, " + available + " available");
        this.available = available;
        this.required = required;
    }

    public long available() {
        return available;
    }

    public long required() {
        return required;
    }
}
