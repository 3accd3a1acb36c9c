package io.loyaltyloop.journey;

import io.loyaltyloop.shop.ShopId;
import java.time.Instant;

/**
 * One planned, sent, skipped or cancelled message of a journey.
 *
 * @param subject what it is about: {@code order:42}, {@code order:42:fulfillment:F1}, {@code
 *     customer:7:expiry:2027-03-01T05:00:00Z} or {@code customer:7:reward:3:entry:981}
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
    private static final String REWARD = ":reward:";
    private static final String ENTRY = ":entry:";

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

    /** For REWARD_UNLOCKED: the reward it announces (null for other steps). */
    public Long unlockedReward() {
        int at = subject.indexOf(REWARD);
        int end = subject.indexOf(ENTRY);
        return at < 0 || end < at ? null : Long.valueOf(subject.substring(at + REWARD.length(), end));
    }

    /**
     * A reward unlocked by one rise of the balance. The ledger entry that made the balance cross the
     * reward's cost is posted once, so it names the crossing: a replayed job or credit plans nothing
     * new, while a later crossing (after a redemption or expiry took the balance below the cost
     * again) is another entry, hence another step.
     */
    static String rewardSubject(long customerId, long rewardId, long entryId) {
        return "customer:" + customerId + REWARD + rewardId + ENTRY + entryId;
    }
}
