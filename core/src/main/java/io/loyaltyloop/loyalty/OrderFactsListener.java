package io.loyaltyloop.loyalty;

import java.util.List;

/**
 * Told, inside the engine's transaction and once per transaction, which orders the applied events
 * changed, so that work derived from an order's facts (its journey) commits or rolls back with them.
 * Called after the orders are written back; it may read them. It must be idempotent: the engine
 * retries a transaction after a deadlock, and a batch that fails is applied again event by event.
 */
@FunctionalInterface
public interface OrderFactsListener {

    OrderFactsListener NONE = changes -> {};

    /** @param changes one entry per applied event that touched an order, in the order applied */
    void ordersChanged(List<OrderChange> changes);
}
