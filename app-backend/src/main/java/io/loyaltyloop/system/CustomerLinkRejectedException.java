package io.loyaltyloop.system;

import org.springframework.http.HttpStatus;

/**
 * A customer followed or submitted a link we cannot honour (forged, expired, used up, item gone,
 * form too large): shown as a page, or as a fragment to htmx, with this status and message.
 */
public class CustomerLinkRejectedException extends RuntimeException {

    private final HttpStatus status;
    private final String heading;

    public CustomerLinkRejectedException(HttpStatus status, String heading, String message) {
        super(message);
        this.status = status;
        this.heading = heading;
    }

    public HttpStatus status() {
        return status;
    }

    public String heading() {
        return heading;
    }

    /** The answer to a link that is not ours, was altered, or has expired. */
    public static CustomerLinkRejectedException invalidLink() {
        return new CustomerLinkRejectedException(
                HttpStatus.NOT_FOUND,
                "This link does not work",
                "The link is not valid or has expired. Links in our emails work for a limited time.");
    }

    /** The answer to a form larger than any honest one. */
    public static CustomerLinkRejectedException tooLarge() {
        return new CustomerLinkRejectedException(
                HttpStatus.CONTENT_TOO_LARGE,
                "That was too much text",
                "The form was larger than we accept. Please shorten your text and try again.");
    }
}
