package io.loyaltyloop.broadleaf.reviews;

import io.loyaltyloop.system.RetryBackoff;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How published reviews of Broadleaf sites are pushed to the sites' own ratings.
 *
 * @param enabled off for operator commands, and in tests that drive the sweep by hand
 * @param interval pause between the end of one run and the start of the next
 * @param batchSize reviews taken per round of a run
 * @param lease how long taken reviews are hidden from other instances; longer than a round of calls
 * @param initialBackoff the wait after the first failure of a review; doubles with each failure
 * @param maxBackoff the longest wait; a site that is away keeps its reviews until it is back
 */
@Validated
@ConfigurationProperties("loyalty.broadleaf.reviews")
record ReviewPushProperties(
        @DefaultValue("true") boolean enabled,

        @NotNull @DurationMin(millis = 100) @DefaultValue("30s")
        Duration interval,

        @Min(1) @Max(1000) @DefaultValue("50") int batchSize,

        @NotNull @DurationMin(seconds = 10) @DefaultValue("10m")
        Duration lease,

        @NotNull @DurationMin(seconds = 1) @DefaultValue("30s")
        Duration initialBackoff,

        @NotNull @DurationMin(seconds = 1) @DefaultValue("1h")
        Duration maxBackoff) {

    RetryBackoff backoff() {
        return new RetryBackoff(initialBackoff, maxBackoff);
    }
}
