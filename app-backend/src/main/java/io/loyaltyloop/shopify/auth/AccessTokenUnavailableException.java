package io.loyaltyloop.shopify.auth;

/**
 * No usable Admin API token for a shop: it was never exchanged, its refresh token has run out, or
 * Shopify refused the refresh. The merchant opening the app in their admin exchanges a new one.
 */
public final class AccessTokenUnavailableException extends RuntimeException {

    public AccessTokenUnavailableException(String message) {
        super(message);
    }

    AccessTokenUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
