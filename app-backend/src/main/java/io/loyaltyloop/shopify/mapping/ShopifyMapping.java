package io.loyaltyloop.shopify.mapping;

import io.loyaltyloop.lifecycle.OrderLifecycleEvent;
import java.util.List;

/** What a delivery means for the engine; the worker switches on it. */
public sealed interface ShopifyMapping {

    /**
     * Apply these events. Empty when the topic carries no fact the engine keeps (e.g. {@code
     * orders/fulfilled}, or a refund of shipping only): the delivery is done.
     */
    record Events(List<OrderLifecycleEvent> events) implements ShopifyMapping {
        public Events {
            events = List.copyOf(events);
        }
    }

    /**
     * Not an engine topic ({@code app/uninstalled}, {@code shop/redact}, {@code
     * customers/data_request}, {@code bulk_operations/finish}): another handler owns it, so the
     * worker must not mark it done on the engine's behalf.
     */
    record HandledElsewhere(String topic) implements ShopifyMapping {}
}
