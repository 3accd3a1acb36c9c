package io.loyaltyloop.admin.emails;

/** No {@link EmailTemplateEditor} in this deployment: the screen says so instead of failing. */
class EmailsUnavailableException extends RuntimeException {

    EmailsUnavailableException() {
        super("emails are not available in this deployment");
    }
}
