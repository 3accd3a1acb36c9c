package io.loyaltyloop.lifecycle;

import io.loyaltyloop.shop.ShopId;
import java.time.Instant;

/** The customer's personal data must be erased. Ledger amounts are books and are kept. */
public record CustomerRedacted(ShopId shop, String sourceEventId, Instant occurredAt, String externalCustomerId)
        implements OrderLifecycleEvent {

    public CustomerRedacted {
        Check.required("shop", shop);
        Check.sourceEventId(sourceEventId);
        Check.required("occurred at", occurredAt);
        Check.id("customer id", externalCustomerId);
    }
}
