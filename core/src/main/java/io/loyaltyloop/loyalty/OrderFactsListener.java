package io.loyaltyloop.loyalty;

import io.loyaltyloop.shop.ShopId;
import java.time.Instant;
import java.util.List;

/**
 * Told, inside the engine's transaction and once per transaction, which orders the applied events
 * changed, so that work derived from an order's facts (its journey) commits or rolls back with them.
 * Called after the orders are written back; it may read them. It must be idempotent: the engine
 * retries a transaction after a deadlock, and a batch that fails is applied again event by event.
 *
 * <p>Also told, in the same way, where available points rise outside order events: the release of an
 * order's pending points (the release job) and credits (reviews, manual adjustments). Applying order
 * events never raises available points, so the engine's hot path makes no such calls.
 */
@FunctionalInterface
public interface OrderFactsListener {

    OrderFactsListener NONE = changes -> {};

    /** @param changes one entry per applied event that touched an order, in the order applied */
    void ordersChanged(List<OrderChange> changes);

    /** The order's pending points became available (only called for an order that earned points). */
    default void pointsReleased(ShopId shop, long orderId, long customerId, long points, Instant at) {}

    /**
     * The customer's available balance rose from {@code before} to {@code after} by the ledger entry
     * {@code entryId} (posted once, so it names this rise for good).
     */
    default void availablePointsRose(ShopId shop, long customerId, long before, long after, long entryId, Instant at) {}
}
