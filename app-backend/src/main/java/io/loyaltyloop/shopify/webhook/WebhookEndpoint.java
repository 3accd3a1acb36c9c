package io.loyaltyloop.shopify.webhook;

import java.util.Set;

/**
 * The two webhook addresses declared in shopify.app.toml and the topics each may receive. A topic
 * on the wrong one means a misconfigured subscription, not a delivery to keep.
 */
enum WebhookEndpoint {
    EVENTS(Set.of(
            "orders/create",
            "orders/paid",
            "orders/cancelled",
            "orders/fulfilled",
            "refunds/create",
            "fulfillments/create",
            "fulfillments/update",
            "fulfillment_events/create",
            "customers/create",
            "customers/update",
            "app/uninstalled",
            "bulk_operations/finish")),
    /** The mandatory privacy topics; Shopify checks that an invalid HMAC gets 401 here. */
    COMPLIANCE(Set.of("customers/data_request", "customers/redact", "shop/redact"));

    private final Set<String> topics;

    WebhookEndpoint(Set<String> topics) {
        this.topics = topics;
    }

    boolean accepts(String topic) {
        return topics.contains(topic);
    }
}
