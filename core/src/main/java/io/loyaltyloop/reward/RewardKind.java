package io.loyaltyloop.reward;

/** What a reward gives. */
public enum RewardKind {
    /** A fixed amount off, in shop currency. */
    FIXED_AMOUNT,
    /** A percentage off the order. */
    PERCENTAGE,
    FREE_SHIPPING
}
