package io.loyaltyloop.admin.dashboard;

import io.loyaltyloop.metrics.Bucket;
import io.loyaltyloop.metrics.Period;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Optional;

/**
 * The period picker's query parameters, validated: {@code range} is one of {@link Range}'s keys
 * (default {@code 30d}); {@code from} and {@code to} (ISO dates, both inclusive) count only with
 * {@code range=custom}. Periods end with today in the shop's calendar, so "last 7 days" includes
 * today's orders.
 */
record PeriodChoice(Range range, Period period, String from, String to) {

    /** The picker's options; the key is what the query string carries. */
    enum Range {
        LAST_7_DAYS("7d", "Last 7 days"),
        LAST_30_DAYS("30d", "Last 30 days"),
        LAST_90_DAYS("90d", "Last 90 days"),
        THIS_MONTH("month", "This month"),
        CUSTOM("custom", "Custom");

        private final String key;
        private final String label;

        Range(String key, String label) {
            this.key = key;
            this.label = label;
        }

        public String key() {
            return key;
        }

        public String label() {
            return label;
        }

        static Optional<Range> ofKey(String key) {
            return Arrays.stream(values()).filter(r -> r.key.equals(key)).findFirst();
        }
    }

    /** @throws InvalidPeriodException with a sentence for the merchant */
    static PeriodChoice parse(String rangeKey, String from, String to, LocalDate today) {
        Range range = rangeKey == null || rangeKey.isBlank()
                ? Range.LAST_30_DAYS
                : Range.ofKey(rangeKey)
                        .orElseThrow(() -> new InvalidPeriodException("Choose one of the listed periods."));
        LocalDate end = today.plusDays(1);
        Period period = switch (range) {
            case LAST_7_DAYS -> new Period(end.minusDays(7), end);
            case LAST_30_DAYS -> new Period(end.minusDays(30), end);
            case LAST_90_DAYS -> new Period(end.minusDays(90), end);
            case THIS_MONTH -> new Period(today.withDayOfMonth(1), end);
            case CUSTOM -> custom(date(from, "start"), date(to, "end"), today);
        };
        return new PeriodChoice(
                range,
                period,
                range == Range.CUSTOM ? from : period.from().toString(),
                range == Range.CUSTOM ? to : period.to().minusDays(1).toString());
    }

    /** Days for short periods, weeks up to half a year, months beyond: 7 to ~60 bars. */
    Bucket bucket() {
        long days = period.days();
        return days <= 31 ? Bucket.DAY : days <= 183 ? Bucket.WEEK : Bucket.MONTH;
    }

    private static Period custom(LocalDate from, LocalDate to, LocalDate today) {
        if (to.isBefore(from)) {
            throw new InvalidPeriodException("The end date is before the start date.");
        }
        if (from.isAfter(today)) {
            throw new InvalidPeriodException("The period starts in the future: there is no data yet.");
        }
        if (from.plusDays(Period.MAX_DAYS).isBefore(to.plusDays(1))) {
            throw new InvalidPeriodException("A period is at most " + Period.MAX_DAYS + " days (five years) long.");
        }
        return new Period(from, to.plusDays(1));
    }

    private static LocalDate date(String value, String which) {
        if (value == null || value.isBlank()) {
            throw new InvalidPeriodException("A custom period needs a " + which + " date.");
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidPeriodException("The " + which + " date is not a date (YYYY-MM-DD).");
        }
    }
}
