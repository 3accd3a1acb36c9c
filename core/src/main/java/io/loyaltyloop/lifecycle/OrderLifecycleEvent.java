package io.loyaltyloop.lifecycle;

import io.loyaltyloop.shop.ShopId;
import java.time.Instant;

/**
 * Something that happened to an order or customer in a host store. Applying the same event twice
 * changes nothing; events may arrive in any order.
 */
public sealed interface OrderLifecycleEvent
        permits OrderPlaced,
                OrderPaid,
                OrderCancelled,
                OrderRefunded,
                FulfillmentUpdated,
                CustomerUpserted,
                CustomerRedacted {

    ShopId shop();

    /** Unique per shop, e.g. Shopify's X-Shopify-Event-Id plus topic, or a Broadleaf outbox id. */
    String sourceEventId();

    /** When it happened in the host store. */
    Instant occurredAt();
}
