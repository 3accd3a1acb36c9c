package io.loyaltyloop.journey;

/** Where a step stands. Only a PLANNED step changes; the other three are final. */
public enum StepStatus {
    PLANNED,
    SENT,
    /** Not sent because a condition did not hold when it was due or planned (the reason says which). */
    SKIPPED,
    /** Not sent because its order, fulfillment, customer or shop stopped warranting it. */
    CANCELLED
}
