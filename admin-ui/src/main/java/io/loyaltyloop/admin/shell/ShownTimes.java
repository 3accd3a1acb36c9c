package io.loyaltyloop.admin.shell;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Times as the admin shows them to a merchant, for templates: {@code ${times.at(instant)}}, in the
 * shop's time zone with the zone's abbreviation ({@code 2026-11-01 08:00 EDT}), since merchants think
 * in their shop's local time. Public for SpEL.
 */
public final class ShownTimes {

    private final DateTimeFormatter format;

    public ShownTimes(ZoneId zone) {
        this.format = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z", Locale.ENGLISH)
                .withZone(zone);
    }

    public String at(Instant instant) {
        return instant == null ? "" : format.format(instant);
    }
}
