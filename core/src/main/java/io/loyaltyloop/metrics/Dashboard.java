package io.loyaltyloop.metrics;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

/**
 * A shop's numbers for one period; each field is defined by the {@link Metric} of the same name. An
 * empty Optional means no data (its denominator was zero, or the shop has no fixed-amount reward).
 */
public record Dashboard(
        Period period,
        Currency currency,
        long members,
        long newMembers,
        long pointsIssued,
        long pointsReversed,
        long pointsRedeemed,
        long pointsExpired,
        long pointsOutstanding,
        Optional<BigDecimal> pointValue,
        Optional<BigDecimal> outstandingLiability,
        Optional<BigDecimal> redemptionRate,
        Optional<BigDecimal> repeatPurchaseRate,
        Optional<BigDecimal> customerLifetimeValue,
        Optional<BigDecimal> churnRate,
        Optional<BigDecimal> returnRate,
        Optional<BigDecimal> reviewRate,
        Optional<BigDecimal> nps,
        Optional<BigDecimal> csat,
        List<Cohort> cohorts) {

    public Dashboard {
        cohorts = List.copyOf(cohorts);
    }
}
