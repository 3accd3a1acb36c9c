package io.loyaltyloop.shopify.sync;

/** The host store refused a reward code for good; retrying would not help. The message says why. */
public class PermanentIssueFailure extends RuntimeException {

    public PermanentIssueFailure(String message) {
        super(message);
    }
}
