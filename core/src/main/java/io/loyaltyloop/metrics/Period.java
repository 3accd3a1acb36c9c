package io.loyaltyloop.metrics;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * Calendar days [from, to) in the shop's time zone: a day starts at the shop's local midnight, so a
 * period means what the merchant's calendar says, across daylight-saving changes too.
 *
 * @throws IllegalArgumentException when to is not after from, or the period is longer than {@link
 *     #MAX_DAYS} (the dashboard's queries are bounded by it)
 */
public record Period(LocalDate from, LocalDate to) {

    /** Five years and a bit: enough for any dashboard, small enough to keep every query bounded. */
    public static final int MAX_DAYS = 5 * 366;

    public Period {
        if (from == null || to == null) {
            throw new IllegalArgumentException("a period needs both a start and an end");
        }
        if (!to.isAfter(from)) {
            throw new IllegalArgumentException("a period ends after it starts: " + from + " .. " + to);
        }
        if (days(from, to) > MAX_DAYS) {
            throw new IllegalArgumentException("a period is at most " + MAX_DAYS + " days long");
        }
    }

    public long days() {
        return days(from, to);
    }

    /** The period of the same number of days that ends where this one starts. */
    public Period previous() {
        return new Period(from.minusDays(days()), from);
    }

    Instant start(ZoneId zone) {
        return from.atStartOfDay(zone).toInstant();
    }

    Instant end(ZoneId zone) {
        return to.atStartOfDay(zone).toInstant();
    }

    private static long days(LocalDate from, LocalDate to) {
        return ChronoUnit.DAYS.between(from, to);
    }
}
