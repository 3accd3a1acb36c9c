package io.loyaltyloop.admin.dashboard;

import io.loyaltyloop.metrics.Metric;
import java.util.Locale;

/**
 * One KPI card: the metric (its label and definition), the formatted value, and an optional line
 * under it (e.g. the points' liability). {@code noData} lets the template style "No data" apart.
 */
record Card(Metric metric, String value, String detail) {

    Card(Metric metric, String value) {
        this(metric, value, null);
    }

    public String id() {
        return metric.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public boolean noData() {
        return Figures.NO_DATA.equals(value);
    }
}
