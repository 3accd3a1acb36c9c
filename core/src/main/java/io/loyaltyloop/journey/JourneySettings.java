package io.loyaltyloop.journey;

import java.time.Duration;

/**
 * A shop's journey timing.
 *
 * @param reviewDelay review request after the first delivery
 * @param reviewFallbackDelay review request after the first fulfillment when no delivery is ever
 *     reported (many carriers send no tracking events)
 * @param reminderDelay the one reminder, after the review request
 * @param surveyDelay survey after the first delivery
 * @param expiryWarning first warning, before points expire
 * @param lastChance last warning, before points expire
 * @param stuckAfter a tracked shipment without movement for this long is stuck
 * @param quietHours whether feedback and loyalty messages wait for 09:00–20:00 shop time
 */
public record JourneySettings(
        Duration reviewDelay,
        Duration reviewFallbackDelay,
        Duration reminderDelay,
        Duration surveyDelay,
        SurveyKind surveyKind,
        Duration expiryWarning,
        Duration lastChance,
        Duration stuckAfter,
        boolean quietHours) {

    // Before DEFAULTS: the constructor checks against them during class initialisation.
    static final Duration MAX_DELAY = Duration.ofDays(365);
    static final Duration MIN_STUCK_AFTER = Duration.ofHours(1);

    /** The shipped defaults (issue 4). */
    public static final JourneySettings DEFAULTS = new JourneySettings(
            Duration.ofDays(7),
            Duration.ofDays(14),
            Duration.ofDays(4),
            Duration.ofDays(10),
            SurveyKind.NPS,
            Duration.ofDays(30),
            Duration.ofDays(7),
            Duration.ofDays(5),
            true);

    /** Which survey the shop sends. */
    public enum SurveyKind {
        NPS,
        CSAT
    }

    /** @throws InvalidJourneySettingsException naming the first value out of range */
    public JourneySettings {
        requireDelay("review delay", reviewDelay);
        requireDelay("review delay without delivery", reviewFallbackDelay);
        requireDelay("reminder delay", reminderDelay);
        requireDelay("survey delay", surveyDelay);
        requireDelay("expiry warning", expiryWarning);
        requireDelay("last chance warning", lastChance);
        requireDelay("stuck shipment threshold", stuckAfter);
        if (surveyKind == null) {
            throw new InvalidJourneySettingsException("survey type is required");
        }
        if (stuckAfter.compareTo(MIN_STUCK_AFTER) < 0) {
            throw new InvalidJourneySettingsException("stuck shipment threshold must be at least 1 hour");
        }
        if (lastChance.compareTo(expiryWarning) > 0) {
            throw new InvalidJourneySettingsException("last chance warning must not come before the expiry warning");
        }
    }

    private static void requireDelay(String name, Duration value) {
        if (value == null) {
            throw new InvalidJourneySettingsException(name + " is required");
        }
        if (value.isNegative() || value.compareTo(MAX_DELAY) > 0) {
            throw new InvalidJourneySettingsException(name + " must be between 0 and 365 days, was " + value);
        }
    }

    /**
     * When the survey goes out without a delivery event: as if the parcel arrived when the review
     * request assumes it did (fulfillment + fallback − review delay), plus the survey delay.
     */
    Duration surveyFallbackDelay() {
        Duration assumedTransit = reviewFallbackDelay.minus(reviewDelay);
        return (assumedTransit.isNegative() ? Duration.ZERO : assumedTransit).plus(surveyDelay);
    }
}
