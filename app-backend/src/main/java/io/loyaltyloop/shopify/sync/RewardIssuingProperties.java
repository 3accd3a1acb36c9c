package io.loyaltyloop.shopify.sync;

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
 * How reward codes are created in Shopify for RESERVED redemptions.
 *
 * @param enabled off for operator commands, and in tests that drive the issuer by hand
 * @param interval pause between the end of one sweep and the start of the next
 * @param batchSize redemptions taken per round of a sweep
 * @param lease how long a taken redemption is hidden from other instances; longer than the Admin
 *     client's worst case (its retries and timeouts), so two instances rarely send the same code
 * @param initialBackoff the wait after the first transient failure; doubles with each failure
 * @param maxBackoff the longest wait between two attempts
 * @param maxAttempts attempts before giving up: the redemption fails and the points go back
 */
@Validated
@ConfigurationProperties("loyalty.shopify.issuing")
record RewardIssuingProperties(
        @DefaultValue("true") boolean enabled,

        @NotNull @DurationMin(millis = 100) @DefaultValue("10s")
        Duration interval,

        @Min(1) @Max(500) @DefaultValue("20") int batchSize,

        @NotNull @DurationMin(seconds = 10) @DefaultValue("10m")
        Duration lease,

        @NotNull @DurationMin(seconds = 1) @DefaultValue("30s")
        Duration initialBackoff,

        @NotNull @DurationMin(seconds = 1) @DefaultValue("1h")
        Duration maxBackoff,

        @Min(1) @Max(1000) @DefaultValue("30") int maxAttempts) {

    RetryBackoff backoff() {
        return new RetryBackoff(initialBackoff, maxBackoff);
    }
}
