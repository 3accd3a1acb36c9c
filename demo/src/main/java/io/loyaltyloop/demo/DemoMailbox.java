package io.loyaltyloop.demo;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** The local SMTP inbox the backend sends through: every message, to anyone, kept in memory. */
public final class DemoMailbox implements AutoCloseable {

    private final GreenMail smtp;

    public DemoMailbox(int port) {
        smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
    }

    public int port() {
        return smtp.getSmtp().getPort();
    }

    /** Every message received, oldest first (its index is its number on the mailbox page). */
    public List<MimeMessage> messages() {
        return Arrays.asList(smtp.getReceivedMessages());
    }

    public static String subject(MimeMessage message) {
        try {
            return Optional.ofNullable(message.getSubject()).orElse("(no subject)");
        } catch (MessagingException e) {
            return "(unreadable subject)";
        }
    }

    public static String recipients(MimeMessage message) {
        try {
            Address[] to = message.getAllRecipients();
            return to == null ? "" : Arrays.stream(to).map(Address::toString).collect(Collectors.joining(", "));
        } catch (MessagingException e) {
            return "";
        }
    }

    /** The message's text/html part, if it has one. */
    public static Optional<String> html(MimeMessage message) {
        return part(message, "text/html");
    }

    /** The message's text/plain part, if it has one. */
    public static Optional<String> text(MimeMessage message) {
        return part(message, "text/plain");
    }

    private static Optional<String> part(Part part, String type) {
        try {
            if (part.isMimeType(type)) {
                return Optional.of(part.getContent().toString());
            }
            if (part.getContent() instanceof Multipart multipart) {
                for (int i = 0; i < multipart.getCount(); i++) {
                    BodyPart child = multipart.getBodyPart(i);
                    Optional<String> found = part(child, type);
                    if (found.isPresent()) {
                        return found;
                    }
                }
            }
            return Optional.empty();
        } catch (MessagingException | IOException e) {
            return Optional.empty();
        }
    }

    @Override
    public void close() {
        smtp.stop();
    }
}
