package io.loyaltyloop.journey;

/** A journey setting out of range; nothing was saved. */
public class InvalidJourneySettingsException extends RuntimeException {

    public InvalidJourneySettingsException(String message) {
        super(message);
    }
}
