package io.loyaltyloop.reward;

/** A redemption request reused a key that belongs to a different redemption. */
public class IdempotencyKeyReusedException extends RuntimeException {

    public IdempotencyKeyReusedException(String key) {
        super("idempotency key " + key + " was already used for a different redemption");
    }
}
