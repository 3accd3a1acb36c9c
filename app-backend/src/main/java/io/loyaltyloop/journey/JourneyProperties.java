package io.loyaltyloop.journey;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The deployment's journey defaults: what a shop gets until its merchant saves settings of their
 * own. The environment overrides them for demos and tests ({@code LOYALTY_JOURNEY_REVIEW_DELAY=PT10S},
 * {@code LOYALTY_JOURNEY_QUIET_HOURS=off}); a value a merchant saved always wins, because an
 * operator's default must not silently overrule a merchant's explicit choice.
 *
 * @param reviewDelay review request after the first delivery
 * @param reviewFallbackDelay review request after the first fulfillment when no delivery is reported
 * @param reminderDelay the one reminder after the review request
 * @param surveyDelay the survey after the first delivery
 * @param surveyType NPS or CSAT
 * @param expiryWarning the first warning before points expire
 * @param lastChance the last warning before points expire
 * @param stuckAfter a tracked shipment without movement for this long is stuck
 * @param quietHours whether feedback and loyalty emails wait for 09:00–20:00 shop time ({@code off}
 *     sends at once)
 * @param dispatchBatchSize due steps taken per dispatcher run
 * @param maxLateness a transactional (tracking) step due longer ago than this is skipped when the
 *     dispatcher finally gets to it (a backlog after an outage): stale tracking news misleads
 */
@Validated
@ConfigurationProperties("loyalty.journey")
public record JourneyProperties(
        @NotNull @DefaultValue("7d") Duration reviewDelay,
        @NotNull @DefaultValue("14d") Duration reviewFallbackDelay,
        @NotNull @DefaultValue("4d") Duration reminderDelay,
        @NotNull @DefaultValue("10d") Duration surveyDelay,
        @NotNull @DefaultValue("NPS") JourneySettings.SurveyKind surveyType,
        @NotNull @DefaultValue("30d") Duration expiryWarning,
        @NotNull @DefaultValue("7d") Duration lastChance,
        @NotNull @DefaultValue("5d") Duration stuckAfter,
        @DefaultValue("true") boolean quietHours,
        @DefaultValue("100") int dispatchBatchSize,
        @DefaultValue("true") boolean dispatchEnabled,
        @NotNull @DefaultValue("10s") Duration dispatchInterval,
        @NotNull @DefaultValue("1h") Duration watchInterval,
        @NotNull @DefaultValue("3d") Duration maxLateness) {

    public JourneyProperties {
        // Fails the start with the setting's name, not at the first order.
        defaults(
                reviewDelay,
                reviewFallbackDelay,
                reminderDelay,
                surveyDelay,
                surveyType,
                expiryWarning,
                lastChance,
                stuckAfter,
                quietHours);
        if (dispatchBatchSize < 1 || dispatchBatchSize > 1000) {
            throw new IllegalArgumentException("loyalty.journey.dispatch-batch-size must be 1–1000");
        }
        if (maxLateness.compareTo(Duration.ofMinutes(1)) < 0) {
            throw new IllegalArgumentException("loyalty.journey.max-lateness must be at least 1 minute");
        }
        if (dispatchInterval.compareTo(Duration.ofMillis(100)) < 0
                || watchInterval.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException(
                    "loyalty.journey.dispatch-interval must be at least 100ms and watch-interval at least 1s");
        }
    }

    /** The defaults for shops without saved settings; validated as a shop's settings are. */
    public JourneySettings toSettings() {
        return defaults(
                reviewDelay,
                reviewFallbackDelay,
                reminderDelay,
                surveyDelay,
                surveyType,
                expiryWarning,
                lastChance,
                stuckAfter,
                quietHours);
    }

    private static JourneySettings defaults(
            Duration reviewDelay,
            Duration reviewFallbackDelay,
            Duration reminderDelay,
            Duration surveyDelay,
            JourneySettings.SurveyKind surveyType,
            Duration expiryWarning,
            Duration lastChance,
            Duration stuckAfter,
            boolean quietHours) {
        return new JourneySettings(
                reviewDelay,
                reviewFallbackDelay,
                reminderDelay,
                surveyDelay,
                surveyType,
                expiryWarning,
                lastChance,
                stuckAfter,
                quietHours);
    }
}
