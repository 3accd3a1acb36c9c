package io.loyaltyloop.lifecycle;

/** An event from a host store that cannot be applied as it is. Nothing was changed. */
public class InvalidEventException extends IllegalArgumentException {

    public InvalidEventException(String message) {
        super(message);
    }
}
