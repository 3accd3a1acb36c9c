package io.loyaltyloop.storefront;

/** An app proxy request whose signature, timestamp or parameters do not hold up; the message is for the log. */
public class AppProxySignatureException extends RuntimeException {

    public AppProxySignatureException(String reason) {
        super(reason);
    }
}
