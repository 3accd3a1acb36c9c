package io.loyaltyloop.admin.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.loyaltyloop.admin.shell.ShownTimes;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class ShownTimesTest {

    @Test
    void aTimeIsShownInTheShopsZoneWithTheAbbreviationInForceThen() {
        ShownTimes newYork = new ShownTimes(ZoneId.of("America/New_York"));

        // Daylight saving time ends on 1 November 2026 at 02:00 local time.
        assertThat(newYork.at(Instant.parse("2026-11-01T05:30:00Z"))).isEqualTo("2026-11-01 01:30 EDT");
        assertThat(newYork.at(Instant.parse("2026-11-01T12:00:00Z"))).isEqualTo("2026-11-01 07:00 EST");
    }

    @Test
    void noTimeIsShownAsNothing() {
        assertThat(new ShownTimes(ZoneId.of("UTC")).at(null)).isEmpty();
    }
}
