package io.loyaltyloop.metrics;

/**
 * Every number on the dashboard with the definition shown next to it (on hover in the admin). The
 * one place these words live: the formulas in {@link Kpis} and the queries in {@link
 * MetricsRepository} implement exactly what is written here.
 */
public enum Metric {
    MEMBERS(
            "Members",
            "Customers with at least one points ledger entry (earned, adjusted, redeemed, ...) before the end of"
                    + " the period."),
    NEW_MEMBERS("New members", "Customers whose first points ledger entry falls in the period."),
    POINTS_ISSUED(
            "Points issued",
            "Points credited in the period: earned on paid orders, review incentives, and manual credits."),
    POINTS_REVERSED(
            "Points reversed",
            "Points taken back in the period: reversals for refunds and cancellations, and manual debits."),
    POINTS_REDEEMED(
            "Points redeemed",
            "Points spent on rewards in the period, less points given back for rewards that could not be issued."),
    POINTS_EXPIRED("Points expired", "Available points that expired after inactivity in the period."),
    POINTS_OUTSTANDING(
            "Points outstanding", "Available plus pending points of all customers at the end of the period."),
    POINT_VALUE(
            "Value of a point",
            "The best cash value a point buys: the highest amount per point among the active fixed-amount"
                    + " rewards. No fixed-amount reward: no value."),
    OUTSTANDING_LIABILITY(
            "Outstanding liability",
            "Points outstanding times the value of a point, in the shop's currency: what the open points would"
                    + " cost if all were spent on the best fixed-amount reward."),
    REDEMPTION_RATE("Redemption rate", "Points redeemed ÷ points issued, both in the period."),
    REPEAT_PURCHASE_RATE(
            "Repeat purchase rate",
            "Customers with 2 or more paid, non-cancelled orders in the period ÷ customers with at least 1."),
    CUSTOMER_LIFETIME_VALUE(
            "Customer lifetime value",
            "Average net revenue per customer, over all orders paid before the end of the period. Net revenue:"
                    + " merchandise amount (after discounts, before tax) of paid orders that were not cancelled, less"
                    + " refunded amounts."),
    COHORT_RETENTION(
            "Retention by monthly cohort",
            "Customers grouped by the month of their first paid, non-cancelled order; month k shows the share"
                    + " of the cohort who paid for an order in the k-th month after it."),
    CHURN_RATE(
            "Churn",
            "Of the customers with a paid, non-cancelled order in the previous period of the same length, the"
                    + " share with no such order in this period."),
    RETURN_RATE(
            "Return rate",
            "Refunded amount ÷ paid amount, over the non-cancelled orders paid in the period (refunds known to"
                    + " date)."),
    REVIEW_RATE(
            "Review rate",
            "Of the non-cancelled orders paid in the period and delivered, the share with at least one review."),
    NPS(
            "Net Promoter Score",
            "% of NPS answers of 9–10 minus % of answers of 0–6, among answers given in the period (−100 to"
                    + " 100)."),
    CSAT("Customer satisfaction", "Share of CSAT answers of 4 or 5 (out of 5) among answers given in the period.");

    private final String label;
    private final String definition;

    Metric(String label, String definition) {
        this.label = label;
        this.definition = definition;
    }

    public String label() {
        return label;
    }

    /** One or two sentences, for the hover text and the docs. */
    public String definition() {
        return definition;
    }
}
