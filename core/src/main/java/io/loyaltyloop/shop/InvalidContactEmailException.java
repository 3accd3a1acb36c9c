package io.loyaltyloop.shop;

/** A shop contact address that is not an email address; nothing was saved. */
public class InvalidContactEmailException extends IllegalArgumentException {

    InvalidContactEmailException() {
        // The address itself stays out of the message: messages end up in logs.
        super("contact email must look like name@example.com and be at most 254 characters");
    }
}
