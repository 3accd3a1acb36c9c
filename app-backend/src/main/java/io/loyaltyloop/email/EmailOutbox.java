package io.loyaltyloop.email;

/**
 * Where messages wait to be sent. Enqueueing renders the message and stores it in the caller's
 * transaction; a background sender delivers it over SMTP with retries.
 */
public interface EmailOutbox {

    /**
     * @return false when a message with the same shop and idempotency key was enqueued before, or
     *     the recipient has unsubscribed from the kind's category (nothing is stored then)
     */
    boolean enqueue(OutgoingEmail email);
}
