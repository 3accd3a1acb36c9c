package io.loyaltyloop.email;

import static io.loyaltyloop.db.Tables.EMAIL_ATTEMPT;
import static io.loyaltyloop.db.Tables.EMAIL_OUTBOX;
import static io.loyaltyloop.email.EmailFixtures.address;
import static io.loyaltyloop.email.EmailFixtures.customer;
import static io.loyaltyloop.email.EmailFixtures.shipped;
import static org.assertj.core.api.Assertions.assertThat;

import io.loyaltyloop.BackendTest;
import io.loyaltyloop.shop.Shop;
import io.loyaltyloop.testing.MutableClock;
import io.loyaltyloop.testing.Shops;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Senders whose SMTP server is down, refuses for now (4xx) or for good (5xx), built by hand on the
 * shared database with a clock of their own; the last step uses the real test SMTP server.
 */
class EmailRetryTest extends BackendTest {

    @Autowired
    DSLContext dsl;

    @Autowired
    EmailOutbox outbox;

    @Autowired
    OutboxRepository repository;

    @Autowired
    EmailProperties properties;

    @Autowired
    JavaMailSenderImpl workingSmtp;

    @Autowired
    Clock backendClock;

    @Test
    void retriesWithGrowingBackoffWhileSmtpIsDownThenSendsOnce() throws IOException {
        Shop shop = Shops.newShop(dsl);
        String to = address();
        outbox.enqueue(shipped(shop.id(), customer(dsl, shop, to), to, "k"));
        MutableClock clock = new MutableClock(backendClock.instant());
        EmailSender down = new EmailSender(repository, smtpAt(closedPort()), properties, clock);
        EmailSender up = new EmailSender(repository, workingSmtp, properties, clock);

        down.sendDue(100);
        assertThat(row(shop).getStatus()).isEqualTo("PENDING");
        assertThat(row(shop).getNextAttemptAt().toInstant())
                .isEqualTo(clock.instant().plus(Duration.ofSeconds(30)));
        down.sendDue(100);
        assertThat(row(shop).getAttempts()).as("not due yet").isEqualTo(1);
        clock.advance(Duration.ofSeconds(30));
        down.sendDue(100);
        assertThat(row(shop).getNextAttemptAt().toInstant())
                .isEqualTo(clock.instant().plus(Duration.ofMinutes(1)));
        clock.advance(Duration.ofMinutes(1));
        up.sendDue(100);

        assertThat(row(shop).getStatus()).isEqualTo("SENT");
        assertThat(receivedEmailsTo(to)).hasSize(1);
        List<String> outcomes = attempts(shop).stream().map(a -> a.getOutcome()).toList();
        assertThat(outcomes).containsExactly("RETRY", "RETRY", "SENT");
        assertThat(attempts(shop).getFirst().getReply()).contains("Connection refused");
    }

    @Test
    void givesUpAfterTheLastAttempt() throws IOException {
        Shop shop = Shops.newShop(dsl);
        String to = address();
        outbox.enqueue(shipped(shop.id(), customer(dsl, shop, to), to, "k"));
        MutableClock clock = new MutableClock(backendClock.instant());
        EmailProperties twoAttempts = new EmailProperties(
                properties.from(),
                false,
                1,
                properties.pollInterval(),
                10,
                properties.lease(),
                Duration.ofSeconds(1),
                Duration.ofSeconds(1),
                2,
                properties.unsubscribeLinkValidity());
        EmailSender down = new EmailSender(repository, smtpAt(closedPort()), twoAttempts, clock);

        down.sendDue(100);
        clock.advance(Duration.ofSeconds(1));
        down.sendDue(100);

        assertThat(row(shop).getStatus()).isEqualTo("FAILED");
        assertThat(row(shop).getLastError()).contains("gave up after 2 attempts");
        assertThat(attempts(shop).stream().map(a -> a.getOutcome()).toList()).containsExactly("RETRY", "FAILED");
    }

    @Test
    void aTemporaryRefusalIsRetried() throws IOException {
        Shop shop = Shops.newShop(dsl);
        String to = address();
        outbox.enqueue(shipped(shop.id(), customer(dsl, shop, to), to, "k"));
        MutableClock clock = new MutableClock(backendClock.instant());

        try (ScriptedSmtpServer greylisting = new ScriptedSmtpServer("451 4.7.1 greylisted, try again later")) {
            new EmailSender(repository, smtpAt(greylisting.port()), properties, clock).sendDue(100);
        }

        assertThat(row(shop).getStatus()).isEqualTo("PENDING");
        assertThat(attempts(shop).getFirst().getOutcome()).isEqualTo("RETRY");
        assertThat(attempts(shop).getFirst().getReply()).contains("451 4.7.1 greylisted");
    }

    @Test
    void aPermanentRefusalFailsAtOnce() throws IOException {
        Shop shop = Shops.newShop(dsl);
        String to = address();
        outbox.enqueue(shipped(shop.id(), customer(dsl, shop, to), to, "k"));
        MutableClock clock = new MutableClock(backendClock.instant());

        try (ScriptedSmtpServer noSuchUser = new ScriptedSmtpServer("550 5.1.1 no such user")) {
            new EmailSender(repository, smtpAt(noSuchUser.port()), properties, clock).sendDue(100);
        }

        assertThat(row(shop).getStatus()).isEqualTo("FAILED");
        assertThat(attempts(shop).getFirst().getOutcome()).isEqualTo("FAILED");
        assertThat(attempts(shop).getFirst().getReply()).contains("550 5.1.1 no such user");
    }

    @Test
    void aSenderWhoseLeaseRanOutDoesNotSendWhatAnotherSenderTook() {
        Shop shop = Shops.newShop(dsl);
        String to = address();
        outbox.enqueue(shipped(shop.id(), customer(dsl, shop, to), to, "k"));
        java.time.Instant now = backendClock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        java.time.Instant firstLease = now.plus(Duration.ofMinutes(5));
        OutboxMessage slow = ours(shop, repository.lease(100, now, firstLease));

        java.time.Instant later = firstLease.plusSeconds(1);
        java.time.Instant secondLease = later.plus(Duration.ofMinutes(5));
        OutboxMessage other = ours(shop, repository.lease(100, later, secondLease));

        assertThat(repository.markSending(slow, firstLease, later)).isFalse();
        assertThat(repository.markSending(other, secondLease, later)).isTrue();
    }

    private static OutboxMessage ours(Shop shop, List<OutboxMessage> leased) {
        return leased.stream()
                .filter(m -> m.shop().equals(shop.id()))
                .findFirst()
                .orElseThrow();
    }

    private io.loyaltyloop.db.tables.records.EmailOutboxRecord row(Shop shop) {
        return dsl.selectFrom(EMAIL_OUTBOX)
                .where(EMAIL_OUTBOX.SHOP_ID.eq(shop.id().value()))
                .fetchSingle();
    }

    private List<io.loyaltyloop.db.tables.records.EmailAttemptRecord> attempts(Shop shop) {
        return dsl.selectFrom(EMAIL_ATTEMPT)
                .where(EMAIL_ATTEMPT.SHOP_ID.eq(shop.id().value()))
                .orderBy(EMAIL_ATTEMPT.ATTEMPT_NO)
                .fetch();
    }

    private static JavaMailSenderImpl smtpAt(int port) {
        JavaMailSenderImpl smtp = new JavaMailSenderImpl();
        smtp.setHost("127.0.0.1");
        smtp.setPort(port);
        smtp.getJavaMailProperties().put("mail.smtp.connectiontimeout", "5000");
        smtp.getJavaMailProperties().put("mail.smtp.timeout", "5000");
        return smtp;
    }

    /** A port nothing listens on: connecting is refused at once. */
    private static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
