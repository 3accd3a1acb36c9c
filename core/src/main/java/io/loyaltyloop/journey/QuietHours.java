package io.loyaltyloop.journey;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * Feedback and loyalty messages go out between 09:00 and 20:00 in the shop's timezone; a due time
 * outside the window moves to the next 09:00. Transactional messages (tracking) go at once.
 */
public final class QuietHours {

    public static final LocalTime OPENS = LocalTime.of(9, 0);
    public static final LocalTime CLOSES = LocalTime.of(20, 0);

    private QuietHours() {}

    /** The earliest instant at or after {@code due} when a message of {@code kind} may go out. */
    public static Instant sendableAt(Instant due, StepKind kind, ZoneId zone, boolean enabled) {
        if (!enabled || !kind.waitsForDaytime()) {
            return due;
        }
        ZonedDateTime local = due.atZone(zone);
        LocalTime time = local.toLocalTime();
        if (!time.isBefore(OPENS) && time.isBefore(CLOSES)) {
            return due;
        }
        var day =
                time.isBefore(OPENS) ? local.toLocalDate() : local.toLocalDate().plusDays(1);
        // A 09:00 that falls into a DST gap resolves to the first instant after it.
        Instant opens = ZonedDateTime.of(day, OPENS, zone).toInstant();
        return opens.isBefore(due) ? due : opens;
    }
}
