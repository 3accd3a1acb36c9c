package io.loyaltyloop.lifecycle;

import io.loyaltyloop.shop.ShopId;
import java.time.Instant;

/** A customer was created or changed in the host store. A redacted customer stays redacted. */
public record CustomerUpserted(ShopId shop, String sourceEventId, Instant occurredAt, CustomerSnapshot customer)
        implements OrderLifecycleEvent {

    public CustomerUpserted {
        Check.required("shop", shop);
        Check.sourceEventId(sourceEventId);
        Check.required("occurred at", occurredAt);
        Check.required("customer", customer);
    }
}
