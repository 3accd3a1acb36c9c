package io.loyaltyloop.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** The journey's deployment settings as Spring binds them from the environment. */
class JourneyPropertiesTest {

    @Test
    void trackingEmailsMayBeAtMostThreeDaysLateByDefault() {
        assertThat(bind(Map.of()).maxLateness()).isEqualTo(Duration.ofDays(3));
    }

    @Test
    void theMaximumLatenessCanBeSetForAnOperatorsOwnTolerance() {
        assertThat(bind(Map.of("loyalty.journey.max-lateness", "12h")).maxLateness())
                .isEqualTo(Duration.ofHours(12));
    }

    @Test
    void aMaximumLatenessUnderAMinuteFailsTheStart() {
        assertThatThrownBy(() -> bind(Map.of("loyalty.journey.max-lateness", "10s")))
                .isInstanceOf(BindException.class)
                .hasRootCauseMessage("loyalty.journey.max-lateness must be at least 1 minute");
    }

    @Test
    void theEnvironmentOverridesTheDefaultsAsDemosDo() {
        JourneyProperties properties =
                bind(Map.of("loyalty.journey.review-delay", "PT10S", "loyalty.journey.quiet-hours", "off"));

        assertThat(properties.reviewDelay()).isEqualTo(Duration.ofSeconds(10));
        assertThat(properties.quietHours()).isFalse();
    }

    @Test
    void aDispatchIntervalUnder100MillisecondsFailsTheStart() {
        assertThatThrownBy(() -> bind(Map.of("loyalty.journey.dispatch-interval", "10ms")))
                .isInstanceOf(BindException.class)
                .rootCause()
                .hasMessageContaining("dispatch-interval must be at least 100ms");
    }

    @Test
    void aWatchIntervalUnderASecondFailsTheStart() {
        assertThatThrownBy(() -> bind(Map.of("loyalty.journey.watch-interval", "500ms")))
                .isInstanceOf(BindException.class)
                .rootCause()
                .hasMessageContaining("watch-interval at least 1s");
    }

    private static JourneyProperties bind(Map<String, String> values) {
        return new Binder(new MapConfigurationPropertySource(values))
                .bindOrCreate("loyalty.journey", JourneyProperties.class);
    }
}
