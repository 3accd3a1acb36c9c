package io.loyaltyloop.shopify.auth;

/** A session token that is not one Shopify signed for this app, for this shop, now. */
final class InvalidSessionTokenException extends RuntimeException {

    InvalidSessionTokenException(String reason) {
        super(reason);
    }

    InvalidSessionTokenException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
