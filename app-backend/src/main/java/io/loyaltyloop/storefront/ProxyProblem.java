package io.loyaltyloop.storefront;

import org.springframework.http.HttpStatus;

/**
 * A storefront call refused with a status and a problem type the widget can tell apart (the last
 * segment of {@code type}, e.g. {@code insufficient-points}); the detail is shown to nobody but the
 * developer.
 */
class ProxyProblem extends RuntimeException {

    private final HttpStatus status;
    private final String type;

    ProxyProblem(HttpStatus status, String type, String detail) {
        super(detail);
        this.status = status;
        this.type = type;
    }

    HttpStatus status() {
        return status;
    }

    String type() {
        return type;
    }
}
