package io.loyaltyloop.system;

import java.time.Duration;

/**
 * When a job tries a failed item again (a Shopify sync, an email): doubling from {@code initial}
 * with each failed attempt, never more than {@code max}, so a peer that is down for a day costs a
 * few dozen attempts, not thousands.
 */
public record RetryBackoff(Duration initial, Duration max) {

    /** The wait after the given number of failed attempts (1 = the first failure). */
    public Duration after(int failedAttempts) {
        int doublings = Math.clamp(failedAttempts - 1, 0, 30);
        Duration wait = initial.multipliedBy(1L << doublings);
        return wait.compareTo(max) > 0 || wait.isNegative() ? max : wait;
    }

    /** Error texts are kept for operators; a stack of causes can be long. */
    public static String describe(Throwable e) {
        return truncate(e.getClass().getSimpleName() + ": " + e.getMessage());
    }

    /**
     * Fits the 1000 characters the error columns keep, without NUL: a reason may quote a payload or
     * a peer's answer (an escaped NUL is valid JSON) and PostgreSQL's text refuses NUL, which would
     * fail the very update that records the failure.
     */
    public static String truncate(String text) {
        String storable = text.replace('\u0000', '\uFFFD');
        return storable.length() > 1000 ? storable.substring(0, 997) + "..." : storable;
    }
}
