package io.loyaltyloop.email;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import java.io.IOException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;

/**
 * What a failed SMTP attempt means: permanent (5xx reply, an address that is not one) — sending
 * again cannot help; or transient (4xx reply, connection refused or dropped, timeout,
 * authentication) — try later. {@code connection} failures say nothing about the message, so the
 * rest of the batch waits rather than trying the same broken server one by one.
 */
record SmtpFailure(boolean permanent, boolean connection, String description) {

    static SmtpFailure of(Exception e) {
        if (e instanceof AddressException) {
            return new SmtpFailure(true, false, "invalid address: " + e.getMessage());
        }
        for (Throwable t = e; t != null; t = next(t)) {
            Integer code = switch (t) {
                case SMTPAddressFailedException f -> f.getReturnCode();
                case SMTPSenderFailedException f -> f.getReturnCode();
                case SMTPSendFailedException f -> f.getReturnCode();
                default -> null;
            };
            if (code != null && code > 0) {
                return new SmtpFailure(code >= 500, false, reply(t));
            }
        }
        boolean connection = e instanceof MessagingException && !(e instanceof jakarta.mail.SendFailedException)
                || rootCause(e) instanceof IOException;
        return new SmtpFailure(false, connection, String.valueOf(rootCause(e)));
    }

    private static String reply(Throwable t) {
        String message = String.valueOf(t.getMessage()).strip();
        return message.isEmpty() ? t.toString() : message;
    }

    private static Throwable next(Throwable t) {
        if (t instanceof MessagingException m && m.getNextException() != null && m.getNextException() != t) {
            return m.getNextException();
        }
        return t.getCause() == t ? null : t.getCause();
    }

    private static Throwable rootCause(Throwable e) {
        Throwable t = e;
        while (next(t) != null) {
            t = next(t);
        }
        return t;
    }
}
