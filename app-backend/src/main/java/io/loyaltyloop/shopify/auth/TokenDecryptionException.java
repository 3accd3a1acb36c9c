package io.loyaltyloop.shopify.auth;

/** A stored token that the configured key cannot open for this shop. */
final class TokenDecryptionException extends RuntimeException {

    TokenDecryptionException(String message) {
        super(message);
    }

    TokenDecryptionException(String message, Throwable cause) {
        super(message, cause);
    }
}
