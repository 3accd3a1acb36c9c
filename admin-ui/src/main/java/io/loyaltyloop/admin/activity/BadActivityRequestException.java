package io.loyaltyloop.admin.activity;

/** A parameter of the Activity screen is out of bounds; the message says which (400). */
class BadActivityRequestException extends RuntimeException {

    BadActivityRequestException(String message) {
        super(message);
    }
}
