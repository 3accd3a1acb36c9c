package io.loyaltyloop.shopify;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * The Shopify app's credentials and settings. Every credential is optional so that the backend
 * starts without Shopify (local runs, {@code ledger verify}); the webhook edge then answers 503.
 *
 * @param apiKey the app's client id
 * @param apiSecret the app's client secret: the HMAC key of webhooks; blank = Shopify not configured
 * @param apiSecretPrevious the secret before a rotation, still accepted until it is unset
 * @param appUrl the app's public URL ({@code application_url} in shopify.app.toml)
 * @param scopes the access scopes the app asks for, comma-separated
 * @param apiVersion the Admin API version the app is built against
 * @param shopOriginTemplate how a shop domain becomes an origin; {@code {shop}} is the domain
 * @param maxWebhookBody the largest webhook body accepted; bigger ones get 413 without being buffered
 */
@Validated
@ConfigurationProperties("loyalty.shopify")
public record ShopifyProperties(
        String apiKey,
        String apiSecret,
        String apiSecretPrevious,
        String appUrl,
        String scopes,

        @NotBlank @Pattern(regexp = "\\d{4}-\\d{2}|unstable") @DefaultValue("2026-07")
        String apiVersion,

        @NotBlank @Pattern(regexp = ".*\\{shop}.*") @DefaultValue("https://{shop}")
        String shopOriginTemplate,

        @NotNull @DefaultValue("2MB") DataSize maxWebhookBody) {

    /** Whether webhooks can be verified at all: without the secret, none can. */
    public boolean configured() {
        return isSet(apiSecret);
    }

    /** The current secret first, then the previous one while a rotation is under way. */
    public List<String> webhookSecrets() {
        return Stream.of(apiSecret, apiSecretPrevious)
                .filter(ShopifyProperties::isSet)
                .toList();
    }

    private static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }

    // The secrets must never reach a log line, an actuator page or an exception message.
    @Override
    public String toString() {
        return "ShopifyProperties[apiKey=" + apiKey
                + ", apiSecret=" + (isSet(apiSecret) ? "(set)" : "(unset)")
                + ", apiSecretPrevious=" + (isSet(apiSecretPrevious) ? "(set)" : "(unset)")
                + ", appUrl=" + appUrl
                + ", scopes=" + scopes
                + ", apiVersion=" + apiVersion
                + ", shopOriginTemplate=" + shopOriginTemplate
                + ", maxWebhookBody=" + maxWebhookBody + "]";
    }
}
