package io.loyaltyloop.shopify.mapping;

import java.time.Instant;

/**
 * One verified webhook delivery as the inbox holds it: the HMAC was checked before this exists.
 *
 * @param topic {@code X-Shopify-Topic}, e.g. {@code orders/paid}
 * @param shopDomain {@code X-Shopify-Shop-Domain}
 * @param eventId {@code X-Shopify-Event-Id}; the same for every retry of one event to one topic
 * @param triggeredAt {@code X-Shopify-Triggered-At}; used only where the payload carries no time
 * @param body the raw JSON body
 */
public record ShopifyDelivery(String topic, String shopDomain, String eventId, Instant triggeredAt, String body) {}
