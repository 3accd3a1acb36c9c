package io.loyaltyloop.reward;

import java.math.BigDecimal;

/** A reward on offer. {@code discountValue} is null for free shipping. */
public record Reward(
        long id, String name, RewardKind kind, BigDecimal discountValue, long pointsCost, boolean active) {}
