package io.loyaltyloop.metrics;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

/**
 * Customers whose first paid, non-cancelled order fell in {@code month}. {@code retained.get(k)} is
 * how many of them paid for an order in the k-th month after it (k = 0 is the cohort month itself,
 * so it equals {@code size}); the list ends at the last month of the period.
 */
public record Cohort(YearMonth month, long size, List<Long> retained) {

    public Cohort {
        retained = List.copyOf(retained);
    }

    /** Share of the cohort retained in month k, or empty when that month is beyond the period. */
    public Optional<BigDecimal> retentionRate(int k) {
        return k < retained.size() ? Kpis.ratio(retained.get(k), size) : Optional.empty();
    }
}
