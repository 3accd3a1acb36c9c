package io.loyaltyloop.lifecycle;

import io.loyaltyloop.shop.ShopId;
import java.time.Instant;
import java.util.List;

/**
 * The customer's personal data must be erased. Ledger amounts are books and are kept.
 *
 * @param externalOrderIds orders the host names as the customer's; their personal data goes too,
 *     also when we never linked them to the customer (a guest checkout with the same address)
 */
public record CustomerRedacted(
        ShopId shop, String sourceEventId, Instant occurredAt, String externalCustomerId, List<String> externalOrderIds)
        implements OrderLifecycleEvent {

    public CustomerRedacted {
        Check.required("shop", shop);
        Check.sourceEventId(sourceEventId);
        Check.required("occurred at", occurredAt);
        Check.id("customer id", externalCustomerId);
        Check.required("orders to redact", externalOrderIds);
        externalOrderIds = List.copyOf(externalOrderIds);
        externalOrderIds.forEach(id -> Check.id("order to redact", id));
    }

    public CustomerRedacted(ShopId shop, String sourceEventId, Instant occurredAt, String externalCustomerId) {
        this(shop, sourceEventId, occurredAt, externalCustomerId, List.of());
    }
}
