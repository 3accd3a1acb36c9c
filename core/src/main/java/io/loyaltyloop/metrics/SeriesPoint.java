package io.loyaltyloop.metrics;

import java.time.LocalDate;

/**
 * One bar of the dashboard's charts: the bucket starting on {@code start} (the first bucket may begin
 * before the period, but counts only what is inside it). {@code orders}: paid, non-cancelled orders
 * by payment date; {@code members}: members at the end of the bucket.
 */
public record SeriesPoint(
        LocalDate start, long pointsIssued, long pointsRedeemed, long orders, long newMembers, long members) {}
