package io.loyaltyloop.tier;

/** The shop has no tier with that id. */
public class TierNotFoundException extends RuntimeException {

    public TierNotFoundException(long tierId) {
        super("no tier " + tierId);
    }
}
