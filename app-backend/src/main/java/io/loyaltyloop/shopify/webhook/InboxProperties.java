package io.loyaltyloop.shopify.webhook;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the inbox worker drains verified webhooks into the engine.
 *
 * @param enabled off for operator commands, and in tests that drive the worker by hand
 * @param pollInterval pause after the inbox came back empty
 * @param batchSize deliveries taken per round, applied to the engine in one transaction
 * @param lease how long a taken batch is hidden from other instances; a dead worker's batch comes
 *     back after it
 * @param maxAttempts failed attempts (e.g. the shop is not installed yet) before a delivery is
 *     parked for an operator
 * @param retention how long done deliveries are kept for looking into; at least a day, since
 *     Shopify retries a delivery for hours
 */
@Validated
@ConfigurationProperties("loyalty.shopify.inbox")
public record InboxProperties(
        @DefaultValue("true") boolean enabled,

        @NotNull @DurationMin(millis = 10) @DefaultValue("1s")
        Duration pollInterval,

        @Min(1) @Max(1000) @DefaultValue("50") int batchSize,

        @NotNull @DurationMin(seconds = 10) @DefaultValue("5m")
        Duration lease,

        @Min(1) @Max(100) @DefaultValue("12") int maxAttempts,

        @NotNull @DurationMin(days = 1) @DefaultValue("7d") Duration retention) {}
