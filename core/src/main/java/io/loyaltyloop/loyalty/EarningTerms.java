package io.loyaltyloop.loyalty;

import java.math.BigDecimal;

/**
 * What an order earns under: the spend rule and the tier multiplier, fixed when the order first
 * earns so that later refunds are measured against the same terms.
 */
record EarningTerms(BigDecimal pointsPerUnit, Rounding rounding, BigDecimal multiplier) {

    /** The same rule with another tier multiplier (an order keeps the rule it first earned under). */
    EarningTerms withMultiplier(BigDecimal multiplier) {
        return new EarningTerms(pointsPerUnit, rounding, multiplier);
    }

    /** Points for an eligible amount; the multiplier applies before rounding, once per order. */
    long pointsFor(BigDecimal eligibleAmount) {
        if (eligibleAmount.signum() <= 0) {
            return 0;
        }
        return eligibleAmount
                .multiply(pointsPerUnit)
                .multiply(multiplier)
                .setScale(0, rounding.mode())
                .longValueExact();
    }
}
