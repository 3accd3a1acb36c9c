package io.loyaltyloop.shopify.webhook;

import java.time.Instant;

/**
 * One verified webhook delivery as it goes into the inbox.
 *
 * @param shopDomain the {@code *.myshopify.com} domain the delivery is for
 * @param topic e.g. {@code orders/paid}
 * @param eventId {@code X-Shopify-Event-Id}: the same on every retry of one event
 * @param webhookId {@code X-Shopify-Webhook-Id}, if sent
 * @param apiVersion {@code X-Shopify-API-Version}, if sent
 * @param triggeredAt {@code X-Shopify-Triggered-At}, if sent and readable
 * @param payload the body exactly as signed
 */
record WebhookDelivery(
        String shopDomain,
        String topic,
        String eventId,
        String webhookId,
        String apiVersion,
        Instant triggeredAt,
        String payload) {}
