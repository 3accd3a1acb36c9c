package io.loyaltyloop.broadleaf.outbox;

/** The life of an outbox row. A row is never deleted by the module and never leaves SENT or REJECTED. */
public enum OutboxStatus {
    /** Not yet accepted by the backend; retried with backoff for ever. */
    PENDING,
    /** The backend answered 200 for it. */
    SENT,
    /** The backend refused it alone with 400 (the reason is in {@code last_error}); a merchant may reset it. */
    REJECTED
}
