package io.loyaltyloop.shopify.importing;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The historical orders import ({@link OrderImportStarter}, {@link OrderImportFinisher}).
 *
 * @param startInterval how often pending imports are started (new installs, retries)
 * @param maxStartAttempts failed starts (Shopify unreachable, another bulk query running) before the
 *     import is recorded as FAILED
 * @param batchSize events applied to the engine per transaction while the file is read
 * @param connectTimeout for the result file's host
 * @param readLease how long a worker holds the result file without finishing a batch before another
 *     may read it (the same webhook can reach a second instance once its inbox lease ran out)
 */
@Validated
@ConfigurationProperties("loyalty.shopify.order-import")
record OrderImportProperties(
        @NotNull @DurationMin(millis = 100) @DefaultValue("1m")
        Duration startInterval,

        @Min(1) @Max(100) @DefaultValue("12") int maxStartAttempts,

        @Min(1) @Max(10000) @DefaultValue("1000") int batchSize,

        @NotNull @DurationMin(millis = 100) @DefaultValue("10s")
        Duration connectTimeout,

        @NotNull @DurationMin(seconds = 10) @DefaultValue("5m")
        Duration readLease) {

    static OrderImportProperties defaults() {
        return new OrderImportProperties(
                Duration.ofMinutes(1), 12, 1000, Duration.ofSeconds(10), Duration.ofMinutes(5));
    }
}
