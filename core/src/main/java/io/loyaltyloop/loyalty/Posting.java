package io.loyaltyloop.loyalty;

import java.time.Instant;

/**
 * A movement of points to write: one ledger entry and the matching change to the balance.
 *
 * @param activityAt set when this counts as earn or redeem activity, which restarts the expiry
 *     clock; null otherwise
 * @param expiresAt the new expiry when {@code activityAt} is set
 */
public record Posting(
        long customerId,
        EntryKind kind,
        long pendingDelta,
        long availableDelta,
        long shortfall,
        Long orderId,
        Long redemptionId,
        String sourceEventId,
        String reason,
        String actor,
        Instant activityAt,
        Instant expiresAt) {

    public static Posting of(long customerId, EntryKind kind, long pendingDelta, long availableDelta) {
        return new Posting(customerId, kind, pendingDelta, availableDelta, 0, null, null, null, null, null, null, null);
    }

    public Posting forOrder(long orderId, String sourceEventId) {
        return new Posting(
                customerId,
                kind,
                pendingDelta,
                availableDelta,
                shortfall,
                orderId,
                redemptionId,
                sourceEventId,
                reason,
                actor,
                activityAt,
                expiresAt);
    }

    public Posting forRedemption(long redemptionId) {
        return new Posting(
                customerId,
                kind,
                pendingDelta,
                availableDelta,
                shortfall,
                orderId,
                redemptionId,
                sourceEventId,
                reason,
                actor,
                activityAt,
                expiresAt);
    }

    public Posting withShortfall(long shortfall) {
        return new Posting(
                customerId,
                kind,
                pendingDelta,
                availableDelta,
                shortfall,
                orderId,
                redemptionId,
                sourceEventId,
                reason,
                actor,
                activityAt,
                expiresAt);
    }

    public Posting withReason(String reason, String actor) {
        return new Posting(
                customerId,
                kind,
                pendingDelta,
                availableDelta,
                shortfall,
                orderId,
                redemptionId,
                sourceEventId,
                reason,
                actor,
                activityAt,
                expiresAt);
    }

    public Posting withActivity(Instant at, Instant expiresAt) {
        return new Posting(
                customerId,
                kind,
                pendingDelta,
                availableDelta,
                shortfall,
                orderId,
                redemptionId,
                sourceEventId,
                reason,
                actor,
                at,
                expiresAt);
    }
}
