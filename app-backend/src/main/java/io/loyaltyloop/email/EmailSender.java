package io.loyaltyloop.email;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Delivers due outbox messages over SMTP. Any number of senders, on any instances, can run at once:
 * each leases its batch with {@code FOR UPDATE SKIP LOCKED}.
 *
 * <p><b>At most once.</b> Just before its SMTP transaction a message is marked SENDING (committed);
 * right after, its outcome is recorded. If the sender dies in between — the server may or may not
 * have accepted the message — the row stays SENDING until its lease ends and then becomes FAILED
 * with an UNKNOWN attempt: it is never sent again. A duplicate tracking or review email is worse
 * for the shop than a rare lost one (which the delivery log shows), and the window is one SMTP
 * transaction. Messages leased but not yet marked SENDING were never handed to SMTP, so they simply
 * come back when the lease ends.
 *
 * <p>Each attempt is recorded (start, duration, outcome, SMTP reply or error). Transient failures
 * (4xx, connection refused or dropped, timeouts) are retried with exponential backoff up to {@code
 * max-attempts}; permanent ones (5xx, invalid address) fail at once. Messages of a shop that is no
 * longer installed, or to a customer who unsubscribed after they were enqueued, are cancelled.
 */
public final class EmailSender {

    private static final Logger log = LoggerFactory.getLogger(EmailSender.class);

    private final OutboxRepository outbox;
    private final JavaMailSenderImpl mail;
    private final EmailProperties properties;
    private final Clock clock;

    EmailSender(OutboxRepository outbox, JavaMailSenderImpl mail, EmailProperties properties, Clock clock) {
        this.outbox = outbox;
        this.mail = mail;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Sends up to {@code limit} due messages over one SMTP connection.
     *
     * @return how many messages were taken from the outbox (sent, retried, failed or cancelled)
     */
    public int sendDue(int limit) {
        Instant now = clock.instant();
        int abandoned = outbox.failAbandoned(now);
        if (abandoned > 0) {
            log.warn("{} emails were being sent when their sender stopped; marked FAILED, not resent", abandoned);
        }
        // Microseconds, as PostgreSQL stores it: markSending compares it to tell the lease is still ours.
        Instant leased = now.plus(properties.lease()).truncatedTo(ChronoUnit.MICROS);
        // A slow server must not make the batch outlive its lease (another sender would take the
        // rest): stop while half of it is left, and the rest comes back when it ends.
        Instant stopAt = leased.minus(properties.lease().dividedBy(2));
        List<OutboxMessage> batch = outbox.lease(limit, now, leased);
        try (SmtpConnection smtp = new SmtpConnection(mail)) {
            for (int i = 0; i < batch.size() && clock.instant().isBefore(stopAt); i++) {
                if (!sendOne(batch.get(i), leased, smtp)) {
                    // The server is unreachable: the rest of the batch waits instead of each trying.
                    Instant later = clock.instant().plus(properties.initialBackoff());
                    batch.subList(i + 1, batch.size()).forEach(m -> outbox.release(m, later));
                    break;
                }
            }
        }
        return batch.size();
    }

    /** @return false if the SMTP server could not be reached */
    private boolean sendOne(OutboxMessage m, Instant leased, SmtpConnection smtp) {
        if (!m.shopActive()) {
            outbox.cancel(m, "the shop is not installed");
            return true;
        }
        if (m.customerId() != null && m.unsubscribed()) {
            outbox.cancel(m, "the customer unsubscribed");
            return true;
        }
        Instant started = clock.instant();
        if (!outbox.markSending(m, leased, started.plus(properties.lease()))) {
            return true;
        }
        long t0 = System.nanoTime();
        try {
            MimeMessage message = MimeMessages.build(smtp.session(), m, properties.from(), started);
            String reply = smtp.send(message);
            outbox.recordAttempt(m, attempt(started, t0, Attempt.Outcome.SENT, reply), "SENT", started);
            return true;
        } catch (MessagingException | RuntimeException e) {
            SmtpFailure failure = SmtpFailure.of(e);
            if (failure.connection()) {
                smtp.close();
            }
            int attempts = m.attempts() + 1;
            if (failure.permanent() || attempts >= properties.maxAttempts()) {
                String why = failure.permanent()
                        ? failure.description()
                        : failure.description() + " (gave up after " + attempts + " attempts)";
                log.warn("email {} of {} failed: {}", m.emailId(), m.shop(), why);
                outbox.recordAttempt(m, attempt(started, t0, Attempt.Outcome.FAILED, why), "FAILED", started);
            } else {
                Duration wait = properties.backoffAfter(attempts);
                outbox.recordAttempt(
                        m,
                        attempt(started, t0, Attempt.Outcome.RETRY, failure.description()),
                        "PENDING",
                        clock.instant().plus(wait));
            }
            return !failure.connection();
        }
    }

    private static Attempt attempt(Instant started, long t0, Attempt.Outcome outcome, String reply) {
        long millis = Math.max(0, (System.nanoTime() - t0) / 1_000_000);
        return new Attempt(started, (int) Math.min(millis, Integer.MAX_VALUE), outcome, reply);
    }
}
