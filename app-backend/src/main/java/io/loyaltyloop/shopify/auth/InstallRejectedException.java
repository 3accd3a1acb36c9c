package io.loyaltyloop.shopify.auth;

import org.springframework.http.HttpStatus;

/** An install request or OAuth callback we refuse; the message is safe to show the browser. */
final class InstallRejectedException extends RuntimeException {

    private final HttpStatus status;

    InstallRejectedException(HttpStatus status, String message) {
        super(message);
        this.status = status;
    }

    HttpStatus status() {
        return status;
    }
}
