package io.loyaltyloop.broadleaf.checkout;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Spreads an order-level discount over the lines in proportion to their amounts, in whole cents:
 * every line gets the floor of its share and the cents left over go to the last line (to the ones
 * before it when the last line cannot take them), so the lines always add up to exactly
 * {@code sum(lines) - discount}, never below zero.
 */
final class LineAmounts {

    private LineAmounts() {}

    /** Line amounts (after item discounts) minus their share of {@code orderDiscount}, all scale 2. */
    static BigDecimal[] afterOrderDiscount(BigDecimal[] lines, BigDecimal orderDiscount) {
        long[] cents = new long[lines.length];
        long total = 0;
        for (int i = 0; i < lines.length; i++) {
            cents[i] = Math.max(0, toCents(lines[i]));
            total += cents[i];
        }
        long discount = Math.min(Math.max(0, toCents(orderDiscount)), total);
        long given = 0;
        for (int i = 0; i < cents.length - 1 && total > 0; i++) {
            long share = BigDecimal.valueOf(discount)
                    .multiply(BigDecimal.valueOf(cents[i]))
                    .divide(BigDecimal.valueOf(total), 0, RoundingMode.FLOOR)
                    .longValue();
            cents[i] -= share;
            given += share;
        }
        long left = discount - given;
        for (int i = cents.length - 1; i >= 0 && left > 0; i--) {
            long take = Math.min(left, cents[i]);
            cents[i] -= take;
            left -= take;
        }
        BigDecimal[] out = new BigDecimal[lines.length];
        for (int i = 0; i < lines.length; i++) {
            out[i] = BigDecimal.valueOf(cents[i], 2);
        }
        return out;
    }

    private static long toCents(BigDecimal amount) {
        return amount == null
                ? 0
                : amount.setScale(2, RoundingMode.HALF_UP).unscaledValue().longValue();
    }
}
