package io.loyaltyloop.admin.reviews;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Times as the Reviews screen shows them: in the shop's time zone, named. Public for SpEL. */
public final class ReviewTimes {

    private final DateTimeFormatter format;

    ReviewTimes(ZoneId zone) {
        this.format =
                DateTimeFormatter.ofPattern("MMM d, yyyy HH:mm zzz", Locale.US).withZone(zone);
    }

    public String at(Instant instant) {
        return instant == null ? "" : format.format(instant);
    }
}
