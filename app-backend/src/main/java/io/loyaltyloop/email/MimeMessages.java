package io.loyaltyloop.email;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;

/**
 * Builds the MIME message of an outbox row: From (the configured address, the shop's name shown),
 * To, Subject, the Message-ID fixed at enqueue, a multipart/alternative of plain text and HTML, and
 * on customer emails RFC 8058's one-click unsubscribe headers.
 */
final class MimeMessages {

    private MimeMessages() {}

    /** @throws jakarta.mail.internet.AddressException when the recipient is not an email address */
    static MimeMessage build(Session session, OutboxMessage m, String fromAddress, Instant now)
            throws MessagingException {
        MimeMessage message = new FixedIdMessage(session, m.messageId());
        InternetAddress to = address(m.toAddress(), m.toName());
        to.validate();
        message.setFrom(address(fromAddress, m.fromName()));
        message.setRecipient(Message.RecipientType.TO, to);
        message.setSubject(m.subject(), StandardCharsets.UTF_8.name());
        message.setSentDate(Date.from(now));
        MimeBodyPart text = new MimeBodyPart();
        text.setText(m.text(), StandardCharsets.UTF_8.name());
        MimeBodyPart html = new MimeBodyPart();
        html.setText(m.html(), StandardCharsets.UTF_8.name(), "html");
        // Plain text first: clients show the last alternative they understand.
        MimeMultipart alternative = new MimeMultipart("alternative");
        alternative.addBodyPart(text);
        alternative.addBodyPart(html);
        message.setContent(alternative);
        if (m.unsubscribeUrl() != null) {
            message.setHeader("List-Unsubscribe", "<" + m.unsubscribeUrl() + ">");
            message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }
        message.saveChanges();
        return message;
    }

    private static InternetAddress address(String address, String personal) throws MessagingException {
        try {
            return personal == null || personal.isBlank()
                    ? new InternetAddress(address, true)
                    : new InternetAddress(address, personal, StandardCharsets.UTF_8.name());
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException("UTF-8 is always supported", e);
        }
    }

    /** Keeps the Message-ID chosen at enqueue (saveChanges would make a new one per attempt). */
    private static final class FixedIdMessage extends MimeMessage {

        private final String messageId;

        FixedIdMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
