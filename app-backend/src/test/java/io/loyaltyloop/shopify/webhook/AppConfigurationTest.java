package io.loyaltyloop.shopify.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.toml.TomlMapper;

/** shopify.app.toml is what Shopify deploys; these keep it and the webhook edge in step. */
class AppConfigurationTest {

    private static final Path APP_TOML = Path.of("..", "plugin", "shopify", "shopify.app.toml");

    private final JsonNode app = new TomlMapper().readTree(APP_TOML.toFile());

    @Test
    void everySubscribedTopicIsAcceptedAtItsAddress() {
        for (JsonNode subscription : app.path("webhooks").path("subscriptions")) {
            WebhookEndpoint endpoint = switch (subscription.path("uri").asString()) {
                case "/webhooks" -> WebhookEndpoint.EVENTS;
                case "/webhooks/compliance" -> WebhookEndpoint.COMPLIANCE;
                default -> throw new AssertionError("unknown webhook uri in " + subscription);
            };
            for (String topic : topics(subscription)) {
                assertThat(endpoint.accepts(topic))
                        .as("%s accepted at %s", topic, subscription.path("uri"))
                        .isTrue();
            }
        }
    }

    @Test
    void subscribesToTheTopicsTheEngineAndTheComplianceRulesNeed() {
        Set<String> subscribed = new HashSet<>();
        app.path("webhooks").path("subscriptions").forEach(s -> subscribed.addAll(topics(s)));

        assertThat(subscribed)
                .contains(
                        "orders/create",
                        "orders/paid",
                        "orders/cancelled",
                        "refunds/create",
                        "fulfillments/create",
                        "fulfillments/update",
                        "fulfillment_events/create",
                        "customers/create",
                        "customers/update",
                        "app/uninstalled",
                        "bulk_operations/finish",
                        "customers/data_request",
                        "customers/redact",
                        "shop/redact");
    }

    @Test
    void forwardsTheAppProxyToTheProxyEndpoints() {
        JsonNode proxy = app.path("app_proxy");

        assertThat(proxy.path("prefix").asString()).isEqualTo("apps");
        assertThat(proxy.path("subpath").asString()).isEqualTo("loyalty");
        assertThat(proxy.path("url").asString()).endsWith("/proxy");
    }

    @Test
    void asksOnlyForTheScopesItUses() {
        assertThat(app.path("access_scopes").path("scopes").asString().split(","))
                .containsExactlyInAnyOrder(
                        "read_orders", "read_fulfillments", "read_customers", "write_customers", "write_discounts");
    }

    private static Set<String> topics(JsonNode subscription) {
        Set<String> topics = new HashSet<>();
        subscription.path("topics").forEach(t -> topics.add(t.asString()));
        subscription.path("compliance_topics").forEach(t -> topics.add(t.asString()));
        return topics;
    }
}
