package io.loyaltyloop.email;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import org.eclipse.angus.mail.smtp.SMTPTransport;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * One SMTP connection for a batch, opened on first use with Spring Mail's settings ({@code
 * spring.mail.*}, through its {@link JavaMailSenderImpl}). Transport is used directly rather than
 * {@code JavaMailSender.send} so that each message's own SMTP reply can be recorded.
 */
final class SmtpConnection implements AutoCloseable {

    private final JavaMailSenderImpl settings;
    private Transport transport;

    SmtpConnection(JavaMailSenderImpl settings) {
        this.settings = settings;
    }

    Session session() {
        return settings.getSession();
    }

    /** Sends the message; returns the server's reply to it (e.g. {@code 250 OK}). */
    String send(MimeMessage message) throws MessagingException {
        if (transport == null || !transport.isConnected()) {
            close();
            Transport t = session().getTransport(settings.getProtocol() == null ? "smtp" : settings.getProtocol());
            t.connect(settings.getHost(), settings.getPort(), settings.getUsername(), settings.getPassword());
            transport = t;
        }
        transport.sendMessage(message, message.getAllRecipients());
        return transport instanceof SMTPTransport smtp
                ? smtp.getLastServerResponse().strip()
                : "accepted";
    }

    /** Drops the connection, e.g. after an error that leaves its state unknown. */
    @Override
    public void close() {
        if (transport != null) {
            try {
                transport.close();
            } catch (MessagingException e) {
                // already broken; a new one is opened on the next send
            }
            transport = null;
        }
    }
}
