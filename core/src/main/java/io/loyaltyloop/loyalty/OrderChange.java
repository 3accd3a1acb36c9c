package io.loyaltyloop.loyalty;

import io.loyaltyloop.lifecycle.FulfillmentUpdated;
import io.loyaltyloop.shop.ShopId;
import java.time.Instant;

/**
 * An order whose facts an applied event changed (payment, cancellation, refund, customer, or one of
 * its fulfillments).
 *
 * @param orderId the engine's internal order id
 * @param fulfillment the fulfillment update that was applied, or null when the order itself changed
 * @param state the order's facts after the event, or null for a fulfillment event (which does not
 *     load the order)
 */
public record OrderChange(ShopId shop, long orderId, FulfillmentUpdated fulfillment, OrderState state) {

    /**
     * An order's facts as the engine holds them after the event.
     *
     * @param createdByEvent the order did not exist before this event: nothing else is known of it
     * @param fullyRefunded every eligible amount has been refunded
     */
    public record OrderState(
            boolean createdByEvent,
            Long customerId,
            Instant paidAt,
            boolean cancelled,
            boolean fullyRefunded,
            boolean priorToInstall) {}
}
