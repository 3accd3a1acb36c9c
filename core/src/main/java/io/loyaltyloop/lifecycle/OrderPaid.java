package io.loyaltyloop.lifecycle;

import io.loyaltyloop.shop.ShopId;
import java.time.Instant;

/** An order was paid: it earns points, pending until the return window closes. */
public record OrderPaid(ShopId shop, String sourceEventId, Instant occurredAt, OrderSnapshot order, Instant paidAt)
        implements OrderLifecycleEvent {

    public OrderPaid {
        Check.required("shop", shop);
        Check.sourceEventId(sourceEventId);
        Check.required("occurred at", occurredAt);
        Check.required("order", order);
        Check.required("paid at", paidAt);
    }
}
