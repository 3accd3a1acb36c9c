package io.loyaltyloop.journey;

import java.time.Instant;

/** A step as the facts want it: what the journey_step row becomes unless it is already final. */
record PlannedStep(
        String subject,
        StepKind kind,
        Long orderId,
        String fulfillmentId,
        Long customerId,
        Instant dueAt,
        StepStatus status,
        String reason) {

    PlannedStep withStatus(StepStatus newStatus, String newReason) {
        return new PlannedStep(subject, kind, orderId, fulfillmentId, customerId, dueAt, newStatus, newReason);
    }

    static String orderSubject(long orderId) {
        return "order:" + orderId;
    }

    static String fulfillmentSubject(long orderId, String fulfillmentId) {
        return "order:" + orderId + ":fulfillment:" + fulfillmentId;
    }
}
