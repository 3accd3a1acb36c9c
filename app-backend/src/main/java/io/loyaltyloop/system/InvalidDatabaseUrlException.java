package io.loyaltyloop.system;

/** DATABASE_URL is set but cannot be used; the message names the problem, never the credentials. */
class InvalidDatabaseUrlException extends IllegalArgumentException {

    InvalidDatabaseUrlException(String message) {
        super(message);
    }
}
