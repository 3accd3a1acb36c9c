package io.loyaltyloop.lifecycle;

import io.loyaltyloop.shop.ShopId;
import java.time.Instant;

/** An order was placed. It earns nothing until it is paid. */
public record OrderPlaced(ShopId shop, String sourceEventId, Instant occurredAt, OrderSnapshot order)
        implements OrderLifecycleEvent {

    public OrderPlaced {
        Check.required("shop", shop);
        Check.sourceEventId(sourceEventId);
        Check.required("occurred at", occurredAt);
        Check.required("order", order);
    }
}
