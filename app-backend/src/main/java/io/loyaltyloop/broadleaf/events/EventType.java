package io.loyaltyloop.broadleaf.events;

import java.util.Arrays;
import java.util.Optional;

/** The event types of wire version 1, as the site names them. */
enum EventType {
    CUSTOMER_UPSERTED("customer.upserted"),
    ORDER_SUBMITTED("order.submitted"),
    SHIPMENT_UPDATED("shipment.updated"),
    ORDER_CANCELLED("order.cancelled"),
    ORDER_REFUNDED("order.refunded"),
    CUSTOMER_REDACTED("customer.redacted");

    private final String wireName;

    EventType(String wireName) {
        this.wireName = wireName;
    }

    String wireName() {
        return wireName;
    }

    static Optional<EventType> of(String wireName) {
        return Arrays.stream(values()).filter(t -> t.wireName.equals(wireName)).findFirst();
    }
}
