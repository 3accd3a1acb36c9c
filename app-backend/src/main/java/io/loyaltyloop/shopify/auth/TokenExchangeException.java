package io.loyaltyloop.shopify.auth;

/**
 * Shopify refused or failed a token exchange or refresh.
 *
 * @see #rejected()
 */
final class TokenExchangeException extends RuntimeException {

    private final int status;

    TokenExchangeException(String message, int status) {
        super(message);
        this.status = status;
    }

    TokenExchangeException(String message, Throwable cause) {
        super(message, cause);
        this.status = 0;
    }

    /** The HTTP status Shopify answered with; 0 if it never answered. */
    int status() {
        return status;
    }

    /** Shopify said no to what we sent (4xx): a bad session token or a spent refresh token. */
    boolean rejected() {
        return status >= 400 && status < 500;
    }
}
