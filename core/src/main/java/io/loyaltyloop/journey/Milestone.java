package io.loyaltyloop.journey;

/**
 * A point in a fulfillment's life that the customer hears about, ranked by how far the parcel got:
 * a status seen after a higher-ranked one is stale and not sent. A delivery exception ranks with out
 * for delivery (a failed attempt comes between two "out for delivery"s), below delivered.
 */
enum Milestone {
    SHIPPED(1, StepKind.SHIPPED),
    IN_TRANSIT(2, StepKind.IN_TRANSIT),
    OUT_FOR_DELIVERY(3, StepKind.OUT_FOR_DELIVERY),
    DELIVERY_EXCEPTION(3, StepKind.DELIVERY_EXCEPTION),
    DELIVERED(4, StepKind.DELIVERED),
    /** The merchant cancelled the fulfillment: its messages stop. */
    CANCELLED(0, null);

    final int rank;
    final StepKind kind;

    Milestone(int rank, StepKind kind) {
        this.rank = rank;
        this.kind = kind;
    }

    /**
     * What a fulfillment's status and shipment status (Shopify's vocabulary) say, or null when they
     * say nothing a customer is told (pending, open, failed to fulfil).
     */
    static Milestone of(String status, String shipmentStatus) {
        if ("cancelled".equals(status)) {
            return CANCELLED;
        }
        if (!"success".equals(status)) {
            return null;
        }
        if (shipmentStatus == null) {
            return SHIPPED;
        }
        return switch (shipmentStatus) {
            case "in_transit" -> IN_TRANSIT;
            // Ready for pickup: the parcel arrived near the customer, who now has to act.
            case "out_for_delivery", "ready_for_pickup" -> OUT_FOR_DELIVERY;
            case "delivered" -> DELIVERED;
            case "attempted_delivery", "failure" -> DELIVERY_EXCEPTION;
            // label_printed, label_purchased, confirmed, and anything new: it left the shop.
            default -> SHIPPED;
        };
    }
}
