package io.loyaltyloop.shopify.auth;

/** No token key is configured, so Shopify access tokens can be neither stored nor read. */
final class TokenStorageUnavailableException extends RuntimeException {

    TokenStorageUnavailableException() {
        super("Shopify token storage is unavailable: set LOYALTY_TOKEN_KEY (loyalty.shopify.token-key)"
                + " to 32 random bytes, base64");
    }
}
