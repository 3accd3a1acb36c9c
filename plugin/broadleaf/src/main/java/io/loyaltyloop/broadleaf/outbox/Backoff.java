package io.loyaltyloop.broadleaf.outbox;

import java.util.Random;

/**
 * How long a row waits after its n-th failed attempt: 1 s, doubling, at most 1 h, each wait drawn
 * between half and all of that so that site nodes and rows do not retry in lockstep. Rows are never
 * given up on for transient failures.
 */
final class Backoff {

    static final long FIRST_MILLIS = 1000;
    static final long MAX_MILLIS = 3600 * 1000L;

    private final Random random;

    Backoff(Random random) {
        this.random = random;
    }

    long delayMillis(int failedAttempts) {
        int doublings = Math.min(Math.max(failedAttempts - 1, 0), 30);
        long ceiling = Math.min(MAX_MILLIS, FIRST_MILLIS << doublings);
        return ceiling / 2 + (long) (random.nextDouble() * (ceiling / 2));
    }
}
