package io.loyaltyloop.broadleaf.issuing;

/** A call to a site that may succeed later: no answer, a timeout, 401/408/429 or 5xx. */
class SiteUnavailableException extends RuntimeException {

    SiteUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
