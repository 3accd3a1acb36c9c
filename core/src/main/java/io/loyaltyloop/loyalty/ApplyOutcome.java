package io.loyaltyloop.loyalty;

/** What applying an event did. */
public enum ApplyOutcome {
    APPLIED,
    /** The event had been applied before; nothing changed. */
    DUPLICATE,
    /** The event cannot be applied as it is (invalid, or for an unknown shop); nothing changed. */
    REJECTED
}
