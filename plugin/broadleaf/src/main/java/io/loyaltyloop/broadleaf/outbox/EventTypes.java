package io.loyaltyloop.broadleaf.outbox;

/** The event types of wire contract version 1. */
public final class EventTypes {

    public static final String CUSTOMER_UPSERTED = "customer.upserted";
    public static final String ORDER_SUBMITTED = "order.submitted";
    public static final String SHIPMENT_UPDATED = "shipment.updated";
    public static final String ORDER_CANCELLED = "order.cancelled";
    public static final String ORDER_REFUNDED = "order.refunded";
    public static final String CUSTOMER_REDACTED = "customer.redacted";

    private EventTypes() {}
}
