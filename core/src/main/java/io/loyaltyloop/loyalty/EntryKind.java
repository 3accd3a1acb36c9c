package io.loyaltyloop.loyalty;

/** Why points moved. */
public enum EntryKind {
    /** A paid order earned points (pending). */
    EARN,
    /** A refund or cancellation took back an order's points. */
    REVERSE,
    /** The return window closed: an order's pending points became available. */
    RELEASE,
    /** Points spent on a reward. */
    REDEEM,
    /** A redemption that could not be issued gave its points back. */
    REDEEM_REFUND,
    /** Available points expired after inactivity. */
    EXPIRE,
    /** A store admin changed the balance by hand, with a reason. */
    ADJUST,
    /** A customer's review was published and earned the shop's review incentive (available at once). */
    REVIEW
}
