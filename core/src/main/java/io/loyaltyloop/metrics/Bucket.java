package io.loyaltyloop.metrics;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;

/** The width of a chart's bars, in the shop's calendar. Weeks start on Monday (ISO, as PostgreSQL). */
public enum Bucket {
    DAY("day"),
    WEEK("week"),
    MONTH("month");

    /** The unit PostgreSQL's date_trunc takes. */
    final String sqlUnit;

    Bucket(String sqlUnit) {
        this.sqlUnit = sqlUnit;
    }

    /** The first day of the bucket holding the date. */
    LocalDate floor(LocalDate date) {
        return switch (this) {
            case DAY -> date;
            case WEEK -> date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> date.withDayOfMonth(1);
        };
    }

    LocalDate next(LocalDate bucketStart) {
        return switch (this) {
            case DAY -> bucketStart.plusDays(1);
            case WEEK -> bucketStart.plusWeeks(1);
            case MONTH -> bucketStart.plusMonths(1);
        };
    }
}
