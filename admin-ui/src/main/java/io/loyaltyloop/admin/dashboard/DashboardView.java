package io.loyaltyloop.admin.dashboard;

import io.loyaltyloop.metrics.Cohort;
import io.loyaltyloop.metrics.Dashboard;
import io.loyaltyloop.metrics.Metric;
import io.loyaltyloop.metrics.SeriesPoint;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** The dashboard's figures as the template shows them: cards, the cohort table, the charts' data. */
record DashboardView(List<Card> cards, List<CohortRow> cohorts, int cohortMonths, Chart chart) {

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMM yyyy", Locale.US);

    static DashboardView of(Dashboard d, List<SeriesPoint> series) {
        var currency = d.currency();
        List<Card> cards = List.of(
                new Card(Metric.MEMBERS, Figures.count(d.members()), "+" + Figures.count(d.newMembers()) + " new"),
                new Card(Metric.POINTS_ISSUED, Figures.count(d.pointsIssued())),
                new Card(Metric.POINTS_REDEEMED, Figures.count(d.pointsRedeemed())),
                new Card(Metric.POINTS_OUTSTANDING, Figures.count(d.pointsOutstanding())),
                new Card(Metric.OUTSTANDING_LIABILITY, Figures.money(d.outstandingLiability(), currency)),
                new Card(Metric.REDEMPTION_RATE, Figures.percent(d.redemptionRate())),
                new Card(Metric.REPEAT_PURCHASE_RATE, Figures.percent(d.repeatPurchaseRate())),
                new Card(Metric.CUSTOMER_LIFETIME_VALUE, Figures.money(d.customerLifetimeValue(), currency)),
                new Card(Metric.CHURN_RATE, Figures.percent(d.churnRate())),
                new Card(Metric.RETURN_RATE, Figures.percent(d.returnRate())),
                new Card(Metric.REVIEW_RATE, Figures.percent(d.reviewRate())),
                new Card(Metric.NPS, Figures.score(d.nps())),
                new Card(Metric.CSAT, Figures.percent(d.csat())));
        List<CohortRow> cohorts = d.cohorts().stream().map(DashboardView::row).toList();
        int months = cohorts.stream().mapToInt(r -> r.rates().size()).max().orElse(0);
        return new DashboardView(cards, cohorts, months, Chart.of(series));
    }

    public Metric cohortMetric() {
        return Metric.COHORT_RETENTION;
    }

    private static CohortRow row(Cohort cohort) {
        List<String> rates = IntStream.range(0, cohort.retained().size())
                .mapToObj(k -> Figures.percent(cohort.retentionRate(k)))
                .toList();
        return new CohortRow(cohort.month().format(MONTH), Figures.count(cohort.size()), rates);
    }

    /** A cohort's month, its size, and the share retained in months 0, 1, 2, ... */
    record CohortRow(String month, String size, List<String> rates) {}

    /** Comma-separated series for the canvases' data attributes, one value per bucket. */
    record Chart(String labels, String issued, String redeemed, String orders) {

        static Chart of(List<SeriesPoint> series) {
            return new Chart(
                    series.stream().map(p -> p.start().toString()).collect(Collectors.joining(",")),
                    join(series, SeriesPoint::pointsIssued),
                    join(series, SeriesPoint::pointsRedeemed),
                    join(series, SeriesPoint::orders));
        }

        private static String join(List<SeriesPoint> series, ToLongFunction<SeriesPoint> value) {
            return series.stream().map(p -> Long.toString(value.applyAsLong(p))).collect(Collectors.joining(","));
        }
    }
}
