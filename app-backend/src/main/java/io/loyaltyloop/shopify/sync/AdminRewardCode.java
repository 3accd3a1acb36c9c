package io.loyaltyloop.shopify.sync;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * A reward code to create in the shop: single use, for one customer.
 *
 * @param code our code (the redemption's), which is what makes a retried create safe
 * @param title the discount's admin title
 * @param customerId the customer's GID, {@code gid://shopify/Customer/…}
 * @param startsAt when it becomes usable
 * @param value what it gives
 */
public record AdminRewardCode(String code, String title, String customerId, Instant startsAt, Value value) {

    public AdminRewardCode {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(startsAt, "startsAt");
        Objects.requireNonNull(value, "value");
        if (!customerId.startsWith("gid://shopify/Customer/")) {
            throw new IllegalArgumentException("customerId must be a Customer GID: " + customerId);
        }
    }

    /** What a reward code gives. */
    public sealed interface Value {}

    /** An amount in the shop's currency off the order. */
    public record FixedAmount(BigDecimal amount) implements Value {
        public FixedAmount {
            if (amount == null || amount.signum() <= 0) {
                throw new IllegalArgumentException("amount must be positive: " + amount);
            }
        }
    }

    /** A share of the order, as a fraction: 0.10 is 10 %. */
    public record Percentage(BigDecimal fraction) implements Value {
        public Percentage {
            if (fraction == null || fraction.signum() <= 0 || fraction.compareTo(BigDecimal.ONE) > 0) {
                throw new IllegalArgumentException("fraction must be in (0, 1]: " + fraction);
            }
        }
    }

    /** Free shipping to any destination. */
    public record FreeShipping() implements Value {}
}
