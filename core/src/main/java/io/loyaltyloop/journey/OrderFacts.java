package io.loyaltyloop.journey;

import java.time.Instant;
import java.util.List;

/**
 * What an order's journey is derived from: the order's facts as the engine holds them and every
 * milestone its fulfillments reached.
 *
 * @param fullyRefunded every eligible amount has been refunded
 * @param priorToInstall placed before the shop installed the app (history imported, or replayed)
 */
record OrderFacts(
        long orderId,
        Long customerId,
        Instant paidAt,
        boolean cancelled,
        boolean fullyRefunded,
        boolean priorToInstall,
        List<MilestoneSeen> milestones) {

    /** A fulfillment first reached the milestone at {@code seenAt} (the host's time). */
    record MilestoneSeen(String fulfillmentId, Milestone milestone, Instant seenAt) {}
}
