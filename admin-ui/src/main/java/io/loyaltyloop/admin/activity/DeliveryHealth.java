package io.loyaltyloop.admin.activity;

import io.loyaltyloop.shop.ShopId;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What reaches a shop and what leaves it: the port through which the Activity screen reads the
 * webhook inbox, the email outbox and reward issuing, which live in app-backend (implemented there
 * by {@code shopify.webhook.AdminDeliveryHealth}). Every method reads or changes only the given
 * shop's rows. Without an implementation the screen says delivery health is unavailable.
 */
public interface DeliveryHealth {

    /** The shop's webhook inbox, with at most {@code parkedLimit} parked deliveries listed (oldest first). */
    Webhooks webhooks(ShopId shop, int parkedLimit);

    /** The shop's email outbox: counts by status and the latest failed messages. */
    Emails emails(ShopId shop, int failedLimit);

    /** Reward codes still to be issued in the host store, or whose issuing failed lately. */
    RewardCodes rewardCodes(ShopId shop, int limit);

    /**
     * Puts one parked delivery of the shop back in the inbox, due now with a fresh count of
     * attempts, and records {@code activity.retry} in the same transaction. The worker then processes
     * it as any delivery, through the engine's dedupe: a delivery applied before changes nothing.
     */
    RetryOutcome retry(ShopId shop, String actor, String topic, String eventId);

    /** As {@link #retry} for every parked delivery of the shop; records {@code activity.retry_all}. */
    int retryAllParked(ShopId shop, String actor);

    /** What a retry of one delivery found. */
    enum RetryOutcome {
        RETRIED,
        /** No delivery of this shop with that topic and event id. */
        NOT_FOUND,
        /** The delivery is waiting or done: nothing to retry. */
        NOT_PARKED
    }

    /**
     * @param receivesWebhooks false for shops that are not on Shopify (no inbox of theirs)
     * @param last24h deliveries received in the last 24 hours by status (PENDING, DONE, PARKED)
     * @param waiting deliveries not yet processed, of any age
     * @param oldestWaiting when the oldest of those was received, or null
     * @param parkedTotal deliveries given up on, of any age
     * @param parked the first of them, oldest first
     */
    record Webhooks(
            boolean receivesWebhooks,
            Map<String, Long> last24h,
            long waiting,
            Instant oldestWaiting,
            long parkedTotal,
            List<ParkedDelivery> parked) {

        /** Every delivery received in the last 24 hours, whatever its status. */
        public long receivedLast24h() {
            return last24h.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /** A delivery given up on; {@code lastError} is as the worker wrote it (plain text, may be long). */
    record ParkedDelivery(String topic, String eventId, Instant receivedAt, int attempts, String lastError) {}

    /**
     * @param last24h messages created in the last 24 hours by status
     * @param last7d messages created in the last 7 days by status
     * @param failed the latest failed messages, newest first
     */
    record Emails(Map<String, Long> last24h, Map<String, Long> last7d, List<FailedEmail> failed) {}

    /** A message that will not be sent; the recipient is masked ({@code j***@example.com}). */
    record FailedEmail(String kind, String maskedRecipient, String lastError, Instant at) {}

    /**
     * @param reserved redemptions waiting for their code to be issued
     * @param failedLast7d redemptions whose issuing failed in the last 7 days (points given back)
     * @param redemptions the waiting and lately failed ones, newest first
     */
    record RewardCodes(long reserved, long failedLast7d, List<StuckRedemption> redemptions) {}

    /** A redemption still RESERVED, or FAILED; {@code lastError} from the issuer, or null. */
    record StuckRedemption(
            long redemptionId,
            String status,
            String rewardKind,
            long pointsCost,
            Instant createdAt,
            int attempts,
            String lastError) {}
}
