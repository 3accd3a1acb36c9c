/**
 * The dashboard's numbers: points flows and liability, customer and order KPIs, survey scores,
 * cohorts and chart series for one shop over a period of calendar days in the shop's time zone.
 * Every metric's definition lives in {@link io.loyaltyloop.metrics.Metric}, so the admin screen and
 * the docs use the same words. Read-only: nothing here writes.
 */
package io.loyaltyloop.metrics;
