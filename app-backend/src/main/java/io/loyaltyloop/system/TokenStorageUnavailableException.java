package io.loyaltyloop.system;

/** No token key is configured, so Shopify access tokens can be neither stored nor read. */
public final class TokenStorageUnavailableException extends RuntimeException {

    public TokenStorageUnavailableException() {
        super("Token storage is unavailable: set LOYALTY_TOKEN_KEY (loyalty.shopify.token-key)"
                + " to 32 random bytes, base64");
    }
}
