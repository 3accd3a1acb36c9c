package io.loyaltyloop.journey;

import io.loyaltyloop.shop.ShopId;
import java.time.Instant;

/**
 * One planned, sent, skipped or cancelled message of a journey.
 *
 * @param subject what it is about: {@code order:42}, {@code order:42:fulfillment:F1} or {@code
 *     customer:7:expiry:2027-03-01T05:00:00Z}
 * @param orderId the engine's order id, null for expiry warnings
 * @param fulfillmentId the host's fulfillment id for tracking and stuck-shipment steps
 * @param customerId the recipient customer as known when planned; null for a guest order
 * @param sentAt when it was handed to the outbox
 */
public record JourneyStep(
        ShopId shop,
        long stepId,
        String subject,
        StepKind kind,
        Long orderId,
        String fulfillmentId,
        Long customerId,
        Instant dueAt,
        StepStatus status,
        String reason,
        Instant sentAt) {

    private static final String EXPIRY = ":expiry:";

    /** Unique per shop: the outbox's idempotency key, so a step is never mailed twice. */
    public String key() {
        return subject + ":" + kind;
    }

    /** For expiry warnings: the expiry the warning is about (null for other steps). */
    public Instant expiryWarnedOf() {
        int at = subject.indexOf(EXPIRY);
        return at < 0 ? null : Instant.parse(subject.substring(at + EXPIRY.length()));
    }

    static String expirySubject(long customerId, Instant expiresAt) {
        return "customer:" + customerId + EXPIRY + expiresAt;
    }
}
