package io.loyaltyloop.admin.access;

/** The install on an embedded admin's first load did not happen; nothing was written. */
public class ShopInstallException extends RuntimeException {

    /** Why, which decides what the admin answers. */
    public enum Failure {
        /** Shopify refused the token exchange (4xx): a fresh session token may pass (401, retry). */
        REFUSED,
        /** Shopify could not be reached or failed (502). */
        UNREACHABLE,
        /** This backend cannot store tokens: no token key configured (503). */
        UNAVAILABLE
    }

    private final Failure failure;

    public ShopInstallException(Failure failure, String message, Throwable cause) {
        super(message, cause);
        this.failure = failure;
    }

    public Failure failure() {
        return failure;
    }
}
