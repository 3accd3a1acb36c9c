package io.loyaltyloop.admin.activity;

import io.loyaltyloop.admin.shell.ShownTimes;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/**
 * Times as the Activity screen shows them, in the shop's time zone, for templates:
 * {@code ${times.at(instant)}}, {@code ${times.age(instant)}}. Public for SpEL.
 */
public final class ShopTimes {

    private final ShownTimes shown;
    private final Instant now;

    ShopTimes(ZoneId zone, Instant now) {
        this.shown = new ShownTimes(zone);
        this.now = now;
    }

    public String at(Instant instant) {
        return shown.at(instant);
    }

    /** How long ago, in the two largest units: "45 s", "12 min", "3 h 5 min", "2 d 4 h". */
    public String age(Instant instant) {
        if (instant == null) {
            return "";
        }
        Duration d = Duration.between(instant, now);
        if (d.isNegative()) {
            d = Duration.ZERO;
        }
        if (d.toMinutes() < 1) {
            return d.toSeconds() + " s";
        }
        if (d.toHours() < 1) {
            return d.toMinutes() + " min";
        }
        if (d.toDays() < 1) {
            return d.toHours() + " h " + d.toMinutesPart() + " min";
        }
        return d.toDays() + " d " + d.toHoursPart() + " h";
    }
}
