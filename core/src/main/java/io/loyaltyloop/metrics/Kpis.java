package io.loyaltyloop.metrics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

/**
 * The dashboard's formulas as pure functions of counts and sums. A formula whose denominator is
 * zero has no data (empty), never NaN and never an exception. Rates are fractions (0.25 = 25 %)
 * rounded half up to 4 decimals; money is rounded to the currency's minor unit.
 */
final class Kpis {

    static final int RATE_SCALE = 4;

    private Kpis() {}

    /** part ÷ whole, or empty when whole is zero. */
    static Optional<BigDecimal> ratio(long part, long whole) {
        return ratio(BigDecimal.valueOf(part), BigDecimal.valueOf(whole));
    }

    static Optional<BigDecimal> ratio(BigDecimal part, BigDecimal whole) {
        if (whole.signum() == 0) {
            return Optional.empty();
        }
        return Optional.of(part.divide(whole, RATE_SCALE, RoundingMode.HALF_UP));
    }

    /** Net Promoter Score from −100 to 100, one decimal: % promoters − % detractors. */
    static Optional<BigDecimal> nps(long promoters, long detractors, long answers) {
        if (answers == 0) {
            return Optional.empty();
        }
        return Optional.of(BigDecimal.valueOf(100L * (promoters - detractors))
                .divide(BigDecimal.valueOf(answers), 1, RoundingMode.HALF_UP));
    }

    /** Share of satisfied answers (4–5). */
    static Optional<BigDecimal> csat(long satisfied, long answers) {
        return ratio(satisfied, answers);
    }

    /** Share of the previously active customers who bought nothing this period. */
    static Optional<BigDecimal> churn(long activeBefore, long lapsed) {
        return ratio(lapsed, activeBefore);
    }

    /** Average net revenue per customer, in the currency's minor unit. */
    static Optional<BigDecimal> lifetimeValue(BigDecimal netRevenue, long customers, Currency currency) {
        if (customers == 0) {
            return Optional.empty();
        }
        return Optional.of(
                netRevenue.divide(BigDecimal.valueOf(customers), minorDigits(currency), RoundingMode.HALF_UP));
    }

    /**
     * The cash value of one point: the best amount per point among the fixed-amount rewards. The best,
     * because a customer holding points can always choose it, so the liability is never understated;
     * percentage and free-shipping rewards have no fixed cash value and are left out.
     */
    static Optional<FixedReward> bestReward(List<FixedReward> rewards) {
        return rewards.stream().max(Comparator.comparing(FixedReward::valuePerPoint));
    }

    /** Points times the best reward's amount per point, rounded once, at the end. */
    static Optional<BigDecimal> liability(long points, List<FixedReward> rewards, Currency currency) {
        return bestReward(rewards)
                .map(r -> r.amount()
                        .multiply(BigDecimal.valueOf(points))
                        .divide(BigDecimal.valueOf(r.pointsCost()), minorDigits(currency), RoundingMode.HALF_UP));
    }

    private static int minorDigits(Currency currency) {
        return Math.max(currency.getDefaultFractionDigits(), 0);
    }

    /** An active fixed-amount reward: {@code amount} of shop currency for {@code pointsCost} points. */
    record FixedReward(BigDecimal amount, long pointsCost) {

        FixedReward {
            if (amount.signum() <= 0 || pointsCost <= 0) {
                throw new IllegalArgumentException("a reward has a positive amount and cost");
            }
        }

        /** Six decimals: a point is often worth a fraction of a cent. */
        BigDecimal valuePerPoint() {
            return amount.divide(BigDecimal.valueOf(pointsCost), 6, RoundingMode.HALF_UP);
        }
    }
}
