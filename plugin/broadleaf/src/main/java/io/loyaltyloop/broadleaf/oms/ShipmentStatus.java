package io.loyaltyloop.broadleaf.oms;

/** The shipment states of the wire contract, as the merchant's OMS reports them. */
public enum ShipmentStatus {
    SHIPPED("shipped"),
    IN_TRANSIT("in_transit"),
    OUT_FOR_DELIVERY("out_for_delivery"),
    DELIVERED("delivered"),
    /** Delivery failed or the parcel is held (Shopify's "failure"). */
    EXCEPTION("exception");

    private final String wire;

    ShipmentStatus(String wire) {
        this.wire = wire;
    }

    /** The value on the wire, e.g. {@code out_for_delivery}. */
    public String wire() {
        return wire;
    }
}
