package io.loyaltyloop.broadleaf;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Broadleaf sites: how the backend stores their secrets, takes their events and calls them.
 *
 * @param secretKey AES-256 key (32 bytes, base64) for the sites' secrets at rest; the same
 *     LOYALTY_TOKEN_KEY as the Shopify tokens in production; blank = no site can be registered
 * @param allowHttpSiteUrls lets a site register an http:// base URL (tests, demo, localhost); off
 *     in production, where the secret-bearing calls must be https
 * @param maxEventsBody the largest event batch accepted; bigger ones get 413 without being buffered
 * @param siteTimeout how long a call to a site (offer codes) may take, connect and answer each
 * @param bootstrapSites sites registered at startup from the environment (tests, demo); never
 *     committed, since each carries its secret
 * @param inbox how the inbox worker drains events into the engine
 */
@Validated
@ConfigurationProperties("loyalty.broadleaf")
public record BroadleafProperties(
        String secretKey,
        @DefaultValue("false") boolean allowHttpSiteUrls,
        @NotNull @DefaultValue("1MB") DataSize maxEventsBody,

        @NotNull @DurationMin(millis = 100) @DefaultValue("5s")
        Duration siteTimeout,

        @Valid @DefaultValue List<BootstrapSite> bootstrapSites,
        @Valid @NotNull @DefaultValue Inbox inbox) {

    /**
     * A site given by the environment, e.g. {@code LOYALTY_BROADLEAF_BOOTSTRAPSITES_0_SITEID}.
     *
     * @param secret the shared secret the site is configured with (43 characters, base64url)
     */
    public record BootstrapSite(
            @NotBlank String siteId,
            @NotBlank String secret,
            @NotBlank String url,
            @DefaultValue("Broadleaf demo") String name,
            @DefaultValue("USD") String currency,
            @DefaultValue("UTC") String timezone) {

        @Override
        public String toString() {
            // Never the secret: properties end up in logs and failure analyses.
            return "BootstrapSite[" + siteId + ", " + url + "]";
        }
    }

    /**
     * @param enabled off for operator commands, and in tests that drive the worker by hand
     * @param pollInterval pause after the inbox came back empty
     * @param batchSize events taken per round, applied to the engine in one transaction
     * @param lease how long a taken batch is hidden from other instances
     * @param maxAttempts failed attempts (database trouble) before an event is parked
     * @param retention how long done events are kept for looking into
     */
    public record Inbox(
            @DefaultValue("true") boolean enabled,

            @NotNull @DurationMin(millis = 10) @DefaultValue("1s")
            Duration pollInterval,

            @Min(1) @Max(1000) @DefaultValue("100") int batchSize,

            @NotNull @DurationMin(seconds = 10) @DefaultValue("5m")
            Duration lease,

            @Min(1) @Max(100) @DefaultValue("12") int maxAttempts,

            @NotNull @DurationMin(days = 1) @DefaultValue("7d")
            Duration retention) {}
}
