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
 * How changed balances are copied to the customers' metafield in Shopify.
 *
 * @param enabled off for operator commands, and in tests that drive the mirror by hand
 * @param interval pause between the end of one run and the start of the next
 * @param batchSize changed balances taken per round of a run (sent 25 to a call)
 * @param lease how long taken balances are hidden from other instances
 * @param initialBackoff the wait after the first failure of a balance; doubles with each failure
 * @param maxBackoff the longest wait; a mirror never gives up, the balance is only a copy
 */
@Validated
@ConfigurationProperties("loyalty.shopify.mirror")
record PointsMirrorProperties(
        @DefaultValue("true") boolean enabled,

        @NotNull @DurationMin(millis = 100) @DefaultValue("30s")
        Duration interval,

        @Min(1) @Max(5000) @DefaultValue("500") int batchSize,

        @NotNull @DurationMin(seconds = 10) @DefaultValue("10m")
        Duration lease,

        @NotNull @DurationMin(seconds = 1) @DefaultValue("1m")
        Duration initialBackoff,

        @NotNull @DurationMin(seconds = 1) @DefaultValue("1h")
        Duration maxBackoff) {

    RetryBackoff backoff() {
        return new RetryBackoff(initialBackoff, maxBackoff);
    }
}
