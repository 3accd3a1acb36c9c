package io.loyaltyloop.lifecycle;

import io.loyaltyloop.shop.ShopId;
import java.time.Instant;

/**
 * An order was cancelled: all its points are reversed.
 *
 * @param order the order as of cancellation when the host sends it (Shopify does), else null
 */
public record OrderCancelled(
        ShopId shop,
        String sourceEventId,
        Instant occurredAt,
        String externalOrderId,
        Instant cancelledAt,
        OrderSnapshot order)
        implements OrderLifecycleEvent {

    public OrderCancelled {
        Check.required("shop", shop);
        Check.sourceEventId(sourceEventId);
        Check.required("occurred at", occurredAt);
        Check.id("order id", externalOrderId);
        Check.required("cancelled at", cancelledAt);
        if (order != null && !order.externalOrderId().equals(externalOrderId)) {
            throw new InvalidEventException("cancelled order id does not match its snapshot");
        }
    }
}
