package io.loyaltyloop.loyalty;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How often the points jobs run, and how much each database round trip takes on.
 *
 * @param releaseInterval pause between the end of one release run and the start of the next
 * @param expiryInterval pause between the end of one expiry run and the start of the next
 * @param tierRefreshInterval pause between runs that move customers whose spend left the tier window
 * @param batchSize orders or accounts fetched per round; a run goes on until a round comes back short
 */
@Validated
@ConfigurationProperties("loyalty.jobs")
record JobsProperties(
        @NotNull @DurationMin(seconds = 1) @DefaultValue("1m")
        Duration releaseInterval,

        @NotNull @DurationMin(seconds = 1) @DefaultValue("1h")
        Duration expiryInterval,

        @NotNull @DurationMin(minutes = 1) @DefaultValue("24h")
        Duration tierRefreshInterval,

        @Min(1) @Max(10_000) @DefaultValue("500") int batchSize) {}
