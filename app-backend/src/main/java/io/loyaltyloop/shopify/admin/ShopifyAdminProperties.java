package io.loyaltyloop.shopify.admin;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where and how the backend calls a shop's Admin GraphQL API.
 *
 * @param shopOrigin the shop's origin, {@code {shop}} replaced by its myshopify domain; tests point
 *     it at a local stub
 * @param apiVersion the pinned Admin API version; the documents are validated against this schema
 * @param maxAttempts calls per operation, the first included, before giving up
 * @param initialBackoff the wait after a 429/5xx without Retry-After; doubles with each attempt
 * @param maxWait the longest single wait (Retry-After, throttle or backoff), so one shop cannot park
 *     a worker
 * @param connectTimeout TCP connect timeout
 * @param readTimeout response timeout; bulk-operation starts answer in well under this
 */
@Validated
@ConfigurationProperties("loyalty.shopify.admin")
public record ShopifyAdminProperties(
        @NotBlank @DefaultValue("https://{shop}") String shopOrigin,
        @NotBlank @DefaultValue("2026-07") String apiVersion,
        @Min(2) @Max(20) @DefaultValue("5") int maxAttempts,
        @NotNull @DefaultValue("1s") Duration initialBackoff,
        @NotNull @DefaultValue("30s") Duration maxWait,
        @NotNull @DefaultValue("5s") Duration connectTimeout,
        @NotNull @DefaultValue("30s") Duration readTimeout) {

    /** The defaults above, for code that builds a client without Spring binding. */
    public static ShopifyAdminProperties defaults() {
        return new ShopifyAdminProperties(
                "https://{shop}",
                "2026-07",
                5,
                Duration.ofSeconds(1),
                Duration.ofSeconds(30),
                Duration.ofSeconds(5),
                Duration.ofSeconds(30));
    }

    public ShopifyAdminProperties withShopOrigin(String origin) {
        return new ShopifyAdminProperties(
                origin, apiVersion, maxAttempts, initialBackoff, maxWait, connectTimeout, readTimeout);
    }
}
