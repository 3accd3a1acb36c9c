package io.loyaltyloop.reward;

/** Where a redemption stands. */
public enum RedemptionStatus {
    /** Points taken; the discount is being created in the host store. */
    RESERVED,
    /** The discount code exists in the host store. */
    ISSUED,
    /** The host store would not create it; the points were given back. */
    FAILED
}
