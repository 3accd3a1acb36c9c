package io.loyaltyloop.broadleaf.site;

/** A registration that cannot be accepted as given (bad id or URL, site already registered). */
public class InvalidSiteException extends IllegalArgumentException {

    public InvalidSiteException(String message) {
        super(message);
    }
}
