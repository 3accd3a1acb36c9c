package io.loyaltyloop.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Quiet hours: feedback and loyalty messages wait for 09:00–20:00 shop time; tracking never waits. */
class QuietHoursProperties {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    @Property
    void aFeedbackMessageGoesNoEarlierThanDueInsideTheWindowWithinADay(
            @ForAll("instants") Instant due, @ForAll("zones") ZoneId zone) {
        Instant at = QuietHours.sendableAt(due, StepKind.REVIEW_REQUEST, zone, true);

        LocalTime local = at.atZone(zone).toLocalTime();
        assertThat(at).isAfterOrEqualTo(due);
        assertThat(Duration.between(due, at)).isLessThanOrEqualTo(Duration.ofHours(14));
        assertThat(local).isBetween(QuietHours.OPENS, QuietHours.CLOSES.minusNanos(1));
    }

    @Property
    void aDueTimeInsideTheWindowIsKept(@ForAll("instants") Instant due, @ForAll("zones") ZoneId zone) {
        Instant at = QuietHours.sendableAt(due, StepKind.POINTS_EXPIRING, zone, true);
        LocalTime local = due.atZone(zone).toLocalTime();

        if (!local.isBefore(QuietHours.OPENS) && local.isBefore(QuietHours.CLOSES)) {
            assertThat(at).isEqualTo(due);
        } else {
            assertThat(at.atZone(zone).toLocalTime()).isEqualTo(QuietHours.OPENS);
        }
    }

    @Property
    void trackingAndDisabledQuietHoursGoAtOnce(@ForAll("instants") Instant due, @ForAll("zones") ZoneId zone) {
        assertThat(QuietHours.sendableAt(due, StepKind.DELIVERED, zone, true)).isEqualTo(due);
        assertThat(QuietHours.sendableAt(due, StepKind.SURVEY, zone, false)).isEqualTo(due);
    }

    @Example
    void theNightBeforeSpringForwardMovesToNineNewYorkSummerTime() {
        // 2027-03-14 02:00 EST → 03:00 EDT; 23:30 EST on the 13th waits for 09:00 EDT (13:00 UTC).
        Instant due = Instant.parse("2027-03-14T04:30:00Z");

        assertThat(QuietHours.sendableAt(due, StepKind.REVIEW_REQUEST, NEW_YORK, true))
                .isEqualTo(Instant.parse("2027-03-14T13:00:00Z"));
    }

    @Example
    void theNightOfFallBackMovesToNineNewYorkWinterTime() {
        // 2026-11-01 02:00 EDT → 01:00 EST; 01:30 (the second one, EST) waits for 09:00 EST (14:00 UTC).
        Instant due = Instant.parse("2026-11-01T06:30:00Z");

        assertThat(QuietHours.sendableAt(due, StepKind.SURVEY, NEW_YORK, true))
                .isEqualTo(Instant.parse("2026-11-01T14:00:00Z"));
    }

    @Example
    void eightInTheEveningIsAlreadyQuiet() {
        Instant due = Instant.parse("2026-11-10T01:00:00Z"); // 20:00 EST on the 9th

        assertThat(QuietHours.sendableAt(due, StepKind.REVIEW_REMINDER, NEW_YORK, true))
                .isEqualTo(Instant.parse("2026-11-10T14:00:00Z"));
    }

    @Provide
    Arbitrary<Instant> instants() {
        return Arbitraries.longs()
                .between(
                        Instant.parse("2026-01-01T00:00:00Z").getEpochSecond(),
                        Instant.parse("2028-12-31T00:00:00Z").getEpochSecond())
                .map(Instant::ofEpochSecond);
    }

    /** Zones with DST (both hemispheres), half-hour offsets, the date line, and UTC. */
    @Provide
    Arbitrary<ZoneId> zones() {
        return Arbitraries.of(
                        "America/New_York",
                        "Europe/Berlin",
                        "Australia/Sydney",
                        "Australia/Lord_Howe",
                        "Asia/Kolkata",
                        "Pacific/Chatham",
                        "Pacific/Apia",
                        "America/Santiago",
                        "UTC")
                .map(ZoneId::of);
    }
}
