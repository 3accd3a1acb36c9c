package io.loyaltyloop.reliability;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The SMTP server the backends send through (GreenMail), on a fixed port so that it can be stopped
 * for an outage and started again where the backends expect it.
 */
final class Mailbox implements AutoCloseable {

    private final int port;
    private GreenMail smtp;

    Mailbox(int port) {
        this.port = port;
        start();
    }

    int port() {
        return port;
    }

    synchronized void start() {
        smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", "smtp"));
        smtp.start();
    }

    /** SMTP goes down: connections are refused until {@link #start()}. What arrived is kept. */
    synchronized void stop() {
        received.addAll(messagesOf(smtp));
        smtp.stop();
    }

    private final List<Message> received = new ArrayList<>();

    /** Every message received so far (also before an outage), as recipient and subject. */
    synchronized List<Message> messages() {
        List<Message> all = new ArrayList<>(received);
        all.addAll(messagesOf(smtp));
        return all;
    }

    /** How many messages each recipient got per subject, for recipients {@code belongs} accepts. */
    Map<String, Long> countsByRecipientAndSubject(Function<String, Boolean> belongs) {
        return messages().stream()
                .filter(m -> belongs.apply(m.recipient()))
                .collect(Collectors.groupingBy(
                        m -> m.recipient() + " | " + m.subject(), TreeMap::new, Collectors.counting()));
    }

    private static List<Message> messagesOf(GreenMail smtp) {
        List<Message> messages = new ArrayList<>();
        for (MimeMessage message : smtp.getReceivedMessages()) {
            try {
                messages.add(new Message(
                        ((InternetAddress) message.getAllRecipients()[0]).getAddress(), message.getSubject()));
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }
        return messages;
    }

    record Message(String recipient, String subject) {}

    @Override
    public synchronized void close() {
        smtp.stop();
    }
}
