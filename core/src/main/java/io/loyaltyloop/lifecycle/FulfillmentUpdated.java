package io.loyaltyloop.lifecycle;

import io.loyaltyloop.shop.ShopId;
import java.time.Instant;

/**
 * A fulfillment was created or changed: status, shipment status and tracking. The newest
 * {@code updatedAt} wins, so a late, older update never overwrites a newer one.
 *
 * @param shipmentStatus e.g. in_transit, out_for_delivery, delivered, failure; null when unknown
 */
public record FulfillmentUpdated(
        ShopId shop,
        String sourceEventId,
        Instant occurredAt,
        String externalOrderId,
        String externalFulfillmentId,
        String status,
        String shipmentStatus,
        String trackingCompany,
        String trackingNumber,
        String trackingUrl,
        Instant updatedAt)
        implements OrderLifecycleEvent {

    public FulfillmentUpdated {
        Check.required("shop", shop);
        Check.sourceEventId(sourceEventId);
        Check.required("occurred at", occurredAt);
        Check.id("order id", externalOrderId);
        Check.id("fulfillment id", externalFulfillmentId);
        Check.id("fulfillment status", status);
        Check.required("fulfillment updated at", updatedAt);
        if (trackingUrl != null && !(trackingUrl.startsWith("https://") || trackingUrl.startsWith("http://"))) {
            throw new InvalidEventException("tracking url must be an http(s) URL");
        }
    }
}
