package io.loyaltyloop.system;

/** A stored token that the configured key cannot open for this shop. */
public final class TokenDecryptionException extends RuntimeException {

    public TokenDecryptionException(String message) {
        super(message);
    }

    public TokenDecryptionException(String message, Throwable cause) {
        super(message, cause);
    }
}
