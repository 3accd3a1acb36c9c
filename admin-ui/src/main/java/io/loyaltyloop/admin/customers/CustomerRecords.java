package io.loyaltyloop.admin.customers;

import io.loyaltyloop.journey.JourneyStep;
import java.time.Instant;
import java.util.List;

/** A row of the search results. */
record CustomerSummary(String externalId, String email, String name, boolean redacted) {}

/** Who the customer is, as the host told us; {@code name} is null when unknown. */
record CustomerProfile(
        long customerId, String externalId, String email, String name, Instant createdAt, Instant redactedAt) {}

/** One order with the points it earned and its journey's messages. */
record CustomerOrder(
        long orderId,
        String externalId,
        String name,
        Instant paidAt,
        Instant cancelledAt,
        long points,
        Instant releaseDueAt,
        Instant releasedAt,
        List<JourneyStep> timeline) {

    CustomerOrder withTimeline(List<JourneyStep> steps) {
        return new CustomerOrder(
                orderId, externalId, name, paidAt, cancelledAt, points, releaseDueAt, releasedAt, steps);
    }
}

/** A reward the customer redeemed. */
record CustomerRedemption(
        long redemptionId, String rewardKind, long pointsCost, String discountCode, String status, Instant createdAt) {}
