package io.loyaltyloop.admin.customers;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Times as the customers screen shows them, for templates: {@code ${times.at(instant)}}. Public for SpEL. */
public final class ShownTimes {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    public String at(Instant instant) {
        return instant == null ? "" : TIME.format(instant);
    }
}
