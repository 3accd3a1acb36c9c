package io.loyaltyloop.shop;

/** The tenant key. Every tenant row and every query carries it. */
public record ShopId(long value) {

    public ShopId {
        if (value <= 0) {
            throw new IllegalArgumentException("shop id must be positive, was " + value);
        }
    }

    @Override
    public String toString() {
        return "shop:" + value;
    }
}
