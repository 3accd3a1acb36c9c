package io.loyaltyloop.journey;

/**
 * What one step of a customer's post-purchase journey sends. Each kind has its own email template;
 * a step of one kind is sent at most once per order (and fulfillment, for tracking kinds).
 */
public enum StepKind {
    /** The order is paid: thanks, and the points it earns (pending until the return window ends). */
    ORDER_CONFIRMED(Audience.CUSTOMER, Category.TRANSACTIONAL),
    /** A fulfillment left with a carrier: carrier, tracking number and link. */
    SHIPPED(Audience.CUSTOMER, Category.TRANSACTIONAL),
    IN_TRANSIT(Audience.CUSTOMER, Category.TRANSACTIONAL),
    OUT_FOR_DELIVERY(Audience.CUSTOMER, Category.TRANSACTIONAL),
    DELIVERED(Audience.CUSTOMER, Category.TRANSACTIONAL),
    /** The carrier reported a failure or a failed attempt. */
    DELIVERY_EXCEPTION(Audience.CUSTOMER, Category.TRANSACTIONAL),
    /** No tracking movement for days: the customer is told the shop is looking into it. */
    SHIPMENT_STUCK(Audience.CUSTOMER, Category.TRANSACTIONAL),
    /** The same stuck shipment, told to the merchant. */
    SHIPMENT_STUCK_ALERT(Audience.MERCHANT, Category.TRANSACTIONAL),
    REVIEW_REQUEST(Audience.CUSTOMER, Category.FEEDBACK),
    REVIEW_REMINDER(Audience.CUSTOMER, Category.FEEDBACK),
    /** NPS (0–10) or CSAT (1–5), as the shop chooses. */
    SURVEY(Audience.CUSTOMER, Category.FEEDBACK),
    POINTS_EARNED(Audience.CUSTOMER, Category.LOYALTY),
    REWARD_UNLOCKED(Audience.CUSTOMER, Category.LOYALTY),
    POINTS_EXPIRING(Audience.CUSTOMER, Category.LOYALTY),
    POINTS_LAST_CHANCE(Audience.CUSTOMER, Category.LOYALTY);

    /** Who receives it. */
    public enum Audience {
        CUSTOMER,
        MERCHANT
    }

    /**
     * Transactional messages (tracking) go out at any hour; feedback and loyalty messages wait for
     * the shop's quiet hours to end.
     */
    public enum Category {
        TRANSACTIONAL,
        FEEDBACK,
        LOYALTY
    }

    private final Audience audience;
    private final Category category;

    StepKind(Audience audience, Category category) {
        this.audience = audience;
        this.category = category;
    }

    public Audience audience() {
        return audience;
    }

    public Category category() {
        return category;
    }

    /** Whether quiet hours hold it back. */
    public boolean waitsForDaytime() {
        return category != Category.TRANSACTIONAL;
    }
}
