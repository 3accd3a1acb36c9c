package io.loyaltyloop.loyalty;

/** What applying an event did. */
public enum ApplyOutcome {
    APPLIED,
    /** The event had been applied before; nothing changed. */
    DUPLICATE
}
