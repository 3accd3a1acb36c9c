package io.loyaltyloop.reward;

import java.math.BigDecimal;
import java.time.Instant;

/** A customer's purchase of a reward with points. */
public record Redemption(
        long id,
        String externalCustomerId,
        long rewardId,
        RewardKind kind,
        BigDecimal discountValue,
        long pointsCost,
        String discountCode,
        RedemptionStatus status,
        Instant createdAt) {}
