package io.loyaltyloop.shopify.webhook;

import java.time.Instant;

/**
 * An inbox row claimed by the worker.
 *
 * @param delivery what Shopify sent
 * @param receivedAt when the edge stored it
 * @param attempts failed processing attempts so far
 */
record InboxEntry(WebhookDelivery delivery, Instant receivedAt, int attempts) {}
