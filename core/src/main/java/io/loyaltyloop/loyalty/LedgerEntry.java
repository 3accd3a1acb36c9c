package io.loyaltyloop.loyalty;

import java.time.Instant;

/**
 * One append-only ledger row.
 *
 * @param shortfall points a reversal could not take because the balance would have gone negative
 * @param orderExternalId the host's order id, when the entry belongs to an order
 */
public record LedgerEntry(
        long entryId,
        EntryKind kind,
        long pendingDelta,
        long availableDelta,
        long shortfall,
        String orderExternalId,
        Long redemptionId,
        String reason,
        String actor,
        Instant createdAt) {}
