package io.loyaltyloop.loyalty;

import io.loyaltyloop.lifecycle.FulfillmentUpdated;
import io.loyaltyloop.shop.ShopId;

/**
 * An order whose facts an applied event changed (payment, cancellation, refund, customer, or one of
 * its fulfillments).
 *
 * @param orderId the engine's internal order id
 * @param fulfillment the fulfillment update that was applied, or null when the order itself changed
 */
public record OrderChange(ShopId shop, long orderId, FulfillmentUpdated fulfillment) {}
