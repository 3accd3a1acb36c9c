package io.loyaltyloop.admin.dashboard;

/** A period picker input the dashboard refuses; the message is shown to the merchant as it is. */
class InvalidPeriodException extends RuntimeException {

    InvalidPeriodException(String message) {
        super(message);
    }
}
