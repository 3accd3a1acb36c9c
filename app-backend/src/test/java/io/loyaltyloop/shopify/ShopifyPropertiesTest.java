package io.loyaltyloop.shopify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.util.unit.DataSize;

class ShopifyPropertiesTest {

    @Test
    void defaultsToApiVersion202607TheShopsOwnOriginAndTwoMebibyteBodies() {
        ShopifyProperties properties = bind(Map.of("loyalty.shopify.api-secret", "s".repeat(32)));

        assertThat(properties.apiVersion()).isEqualTo("2026-07");
        assertThat(properties.shopOriginTemplate()).isEqualTo("https://{shop}");
        assertThat(properties.maxWebhookBody()).isEqualTo(DataSize.ofBytes(2L * 1024 * 1024));
    }

    @Test
    void isNotConfiguredWithoutASecret() {
        assertThat(bind(Map.of()).configured()).isFalse();
        assertThat(bind(Map.of("loyalty.shopify.api-secret", " ")).configured()).isFalse();
        assertThat(bind(Map.of("loyalty.shopify.api-secret-previous", "old")).configured())
                .isFalse();
    }

    @Test
    void acceptsTheCurrentSecretThenThePreviousOne() {
        ShopifyProperties properties = bind(Map.of(
                "loyalty.shopify.api-secret", "current-secret",
                "loyalty.shopify.api-secret-previous", "previous-secret"));

        assertThat(properties.webhookSecrets()).containsExactly("current-secret", "previous-secret");
    }

    @Test
    void neverShowsTheSecretsInToString() {
        ShopifyProperties properties = bind(Map.of(
                "loyalty.shopify.api-key", "the-api-key",
                "loyalty.shopify.api-secret", "current-secret-value",
                "loyalty.shopify.api-secret-previous", "previous-secret-value"));

        assertThat(properties.toString())
                .contains("the-api-key")
                .doesNotContain("current-secret-value")
                .doesNotContain("previous-secret-value");
    }

    private static ShopifyProperties bind(Map<String, String> values) {
        return new Binder(new MapConfigurationPropertySource(values))
                .bindOrCreate("loyalty.shopify", ShopifyProperties.class);
    }
}
