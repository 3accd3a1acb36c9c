package io.loyaltyloop.shopify;

import static org.assertj.core.api.Assertions.assertThat;

import io.loyaltyloop.BackendTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** application.yml's SHOPIFY_* mapping, as the running backend resolves it with no such variables. */
class ShopifyConfigurationTest extends BackendTest {

    @Autowired
    ShopifyProperties properties;

    @Test
    void fallsBackToTheDocumentedDefaultsWhenNoEnvironmentVariableIsSet() {
        assertThat(properties.apiVersion()).isEqualTo("2026-07");
        assertThat(properties.shopOriginTemplate()).isEqualTo("https://{shop}");
        assertThat(properties.configured()).isTrue();
        assertThat(properties.webhookSecrets()).containsExactly(SHOPIFY_SECRET, SHOPIFY_PREVIOUS_SECRET);
    }
}
