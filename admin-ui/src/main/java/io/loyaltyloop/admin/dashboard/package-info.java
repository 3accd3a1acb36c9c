/**
 * The dashboard screen: the shop's KPIs from {@link io.loyaltyloop.metrics.MetricsService} for a
 * period the merchant picks, each with its {@link io.loyaltyloop.metrics.Metric} definition, and
 * charts drawn by Chart.js (served from its webjar) from the canvases' {@code data-*} attributes.
 */
package io.loyaltyloop.admin.dashboard;
