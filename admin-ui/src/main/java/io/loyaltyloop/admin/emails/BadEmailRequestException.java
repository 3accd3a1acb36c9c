package io.loyaltyloop.admin.emails;

/** A malformed request to the Emails screen (400): the message says what was wrong. */
class BadEmailRequestException extends RuntimeException {

    BadEmailRequestException(String message) {
        super(message);
    }
}
