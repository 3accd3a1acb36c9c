package io.loyaltyloop.email;

import java.time.Instant;

/** One SMTP attempt as recorded: when, how long, what came of it, and the server's reply or the error. */
record Attempt(Instant startedAt, int durationMillis, Outcome outcome, String reply) {

    enum Outcome {
        SENT,
        /** A transient failure (connection, 4xx): tried again later. */
        RETRY,
        /** A permanent failure (5xx, invalid address), or the last allowed attempt. */
        FAILED,
        /** The sender stopped during the attempt; nobody knows whether it went out. */
        UNKNOWN
    }
}
