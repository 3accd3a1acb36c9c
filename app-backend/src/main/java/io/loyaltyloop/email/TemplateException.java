package io.loyaltyloop.email;

/** A template that does not parse, or that went over a limit while rendering; the message says which part. */
public class TemplateException extends RuntimeException {

    TemplateException(String message, Throwable cause) {
        super(message, cause);
    }
}
