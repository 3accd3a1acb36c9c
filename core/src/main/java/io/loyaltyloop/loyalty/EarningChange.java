package io.loyaltyloop.loyalty;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

/**
 * A candidate change to how orders earn, for a dry run: a new spend rule and, optionally, new tier
 * multipliers. Orders remember the multiplier they earned with, not the tier, so a tier change is
 * given as "orders that earned at multiplier x now earn at y" (the tier's old and new multiplier).
 *
 * @throws IllegalArgumentException for values the program itself would refuse
 */
public record EarningChange(BigDecimal pointsPerUnit, Rounding rounding, Map<BigDecimal, BigDecimal> multipliers) {

    public EarningChange {
        if (pointsPerUnit == null
                || pointsPerUnit.signum() <= 0
                || pointsPerUnit.compareTo(BigDecimal.valueOf(10_000)) > 0) {
            throw new IllegalArgumentException("points per unit must be above 0 and at most 10000");
        }
        if (rounding == null) {
            throw new IllegalArgumentException("a rounding is required");
        }
        Map<BigDecimal, BigDecimal> normalized = new HashMap<>();
        (multipliers == null ? Map.<BigDecimal, BigDecimal>of() : multipliers).forEach((from, to) -> {
            if (to == null || to.compareTo(BigDecimal.ONE) < 0 || to.compareTo(BigDecimal.TEN) > 0) {
                throw new IllegalArgumentException("a tier multiplier is between 1 and 10");
            }
            normalized.put(from.stripTrailingZeros(), to);
        });
        multipliers = Map.copyOf(normalized);
    }

    /** Only the spend rule changes; every order keeps its multiplier. */
    public static EarningChange rule(BigDecimal pointsPerUnit, Rounding rounding) {
        return new EarningChange(pointsPerUnit, rounding, Map.of());
    }

    /** The terms an order that earned under {@code current} would earn under with this change. */
    EarningTerms applyTo(EarningTerms current) {
        BigDecimal multiplier =
                multipliers.getOrDefault(current.multiplier().stripTrailingZeros(), current.multiplier());
        return new EarningTerms(pointsPerUnit, rounding, multiplier);
    }
}
