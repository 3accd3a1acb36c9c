package io.loyaltyloop.email;

import static io.loyaltyloop.db.Tables.EMAIL_ATTEMPT;
import static io.loyaltyloop.db.Tables.EMAIL_OUTBOX;
import static io.loyaltyloop.email.EmailFixtures.address;
import static io.loyaltyloop.email.EmailFixtures.customer;
import static io.loyaltyloop.email.EmailFixtures.shipped;
import static io.loyaltyloop.email.EmailFixtures.stuckAlert;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loyaltyloop.BackendTest;
import io.loyaltyloop.journey.StepKind;
import io.loyaltyloop.shop.Shop;
import io.loyaltyloop.shop.ShopService;
import io.loyaltyloop.system.Transactions;
import io.loyaltyloop.testing.Shops;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Enqueueing and sending through the real SMTP server of the tests (GreenMail). */
class EmailOutboxTest extends BackendTest {

    @Autowired
    DSLContext dsl;

    @Autowired
    EmailOutbox outbox;

    @Autowired
    EmailSender sender;

    @Autowired
    EmailTemplates templates;

    @Autowired
    ShopService shops;

    @Autowired
    Unsubscribes unsubscribes;

    @Autowired
    EmailProperties properties;

    @Autowired
    java.time.Clock clock;

    @Autowired
    io.loyaltyloop.loyalty.LoyaltyService loyalty;

    @Test
    void sendsTheRenderedEmailWithItsHeadersOnce() throws Exception {
        Shop shop = Shops.newShop(dsl);
        String to = address();
        long customer = customer(dsl, shop, to);

        boolean enqueued = outbox.enqueue(shipped(shop.id(), customer, to, "order:1:fulfillment:1:SHIPPED"));
        drain();

        assertThat(enqueued).isTrue();
        List<MimeMessage> received = receivedEmailsTo(to);
        assertThat(received).hasSize(1);
        MimeMessage email = received.getFirst();
        assertThat(email.getSubject()).isEqualTo("Your order #1001 is on its way");
        InternetAddress from = (InternetAddress) email.getFrom()[0];
        assertThat(from.getAddress()).isEqualTo("loyalty@loyaltyloop.test");
        assertThat(from.getPersonal()).isEqualTo(shop.name());
        InternetAddress recipient = (InternetAddress) email.getRecipients(MimeMessage.RecipientType.TO)[0];
        assertThat(recipient.getAddress()).isEqualTo(to);
        assertThat(recipient.getPersonal()).isEqualTo("Ada Lovelace");
        var row = dsl.selectFrom(EMAIL_OUTBOX)
                .where(EMAIL_OUTBOX.SHOP_ID.eq(shop.id().value()))
                .fetchSingle();
        assertThat(email.getMessageID()).isEqualTo(row.getMessageId()).endsWith("@loyaltyloop.test>");
        assertThat(email.getHeader("List-Unsubscribe", null))
                .isEqualTo("<" + row.getUnsubscribeUrl() + ">")
                .matches("<" + Pattern.quote(LINKS_BASE_URL) + "/u/[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]{43}>");
        assertThat(email.getHeader("List-Unsubscribe-Post", null)).isEqualTo("List-Unsubscribe=One-Click");

        MimeMultipart parts = (MimeMultipart) email.getContent();
        assertThat(parts.getContentType()).startsWith("multipart/alternative");
        assertThat(parts.getBodyPart(0).getContentType()).startsWith("text/plain; charset=UTF-8");
        assertThat(parts.getBodyPart(0).getContent().toString().replace("\r\n", "\n"))
                .isEqualTo("""
                    Hi Ada,

                    Good news: your order #1001 has left our warehouse.
                    UPS tracking number: 1Z999AA10123456784
                    Track your package: https://www.ups.com/track?tracknum=1Z999AA10123456784

                    %s

                    Unsubscribe: %s

                    """.formatted(shop.name(), row.getUnsubscribeUrl()));
        assertThat(parts.getBodyPart(1).getContentType()).startsWith("text/html; charset=UTF-8");
        assertThat(parts.getBodyPart(1).getContent().toString())
                .contains(
                        "<html lang=\"en-US\">",
                        "Your order has shipped</h1>",
                        "UPS tracking number: <strong>1Z999AA10123456784</strong>",
                        "href=\"https://www.ups.com/track?tracknum=1Z999AA10123456784\"",
                        "href=\"" + row.getUnsubscribeUrl() + "\"");

        assertThat(row.getStatus()).isEqualTo("SENT");
        assertThat(row.getAttempts()).isEqualTo(1);
        var attempt = dsl.selectFrom(EMAIL_ATTEMPT)
                .where(EMAIL_ATTEMPT.SHOP_ID.eq(shop.id().value()))
                .fetchSingle();
        assertThat(attempt.getOutcome()).isEqualTo("SENT");
        assertThat(attempt.getReply()).startsWith("250");
        assertThat(attempt.getAttemptNo()).isEqualTo(1);
    }

    @Test
    void theScheduledSendersDrainTheOutboxInParallel() throws Exception {
        Shop shop = Shops.newShop(dsl);
        String to = address();
        long customer = customer(dsl, shop, to);
        for (int i = 0; i < 5; i++) {
            outbox.enqueue(shipped(shop.id(), customer, to, "parallel-" + i));
        }
        EmailProperties enabled = new EmailProperties(
                properties.from(),
                true,
                3,
                properties.pollInterval(),
                2,
                properties.lease(),
                properties.initialBackoff(),
                properties.maxBackoff(),
                properties.maxAttempts(),
                properties.unsubscribeLinkValidity());
        var job = new EmailConfiguration.SendDueEmails(sender, enabled);

        try {
            job.run();
        } finally {
            job.destroy();
        }

        assertThat(receivedEmailsTo(to)).hasSize(5);
    }

    @Test
    void aDuplicateIsNotStoredNorSentTwice() {
        Shop shop = Shops.newShop(dsl);
        String to = address();
        long customer = customer(dsl, shop, to);

        boolean first = outbox.enqueue(shipped(shop.id(), customer, to, "order:2:SHIPPED"));
        drain();
        boolean again = outbox.enqueue(shipped(shop.id(), customer, to, "order:2:SHIPPED"));
        drain();

        assertThat(first).isTrue();
        assertThat(again).isFalse();
        assertThat(receivedEmailsTo(to)).hasSize(1);
    }

    @Test
    void theSameKeyInAnotherShopIsAnotherMessage() {
        Shop a = Shops.newShop(dsl);
        Shop b = Shops.newShop(dsl);
        String to = address();

        assertThat(outbox.enqueue(shipped(a.id(), customer(dsl, a, to), to, "k")))
                .isTrue();
        assertThat(outbox.enqueue(shipped(b.id(), customer(dsl, b, to), to, "k")))
                .isTrue();
        drain();

        assertThat(receivedEmailsTo(to)).hasSize(2);
    }

    @Test
    void aKindTheShopSwitchedOffIsNotEnqueued() {
        Shop shop = Shops.newShop(dsl);
        String to = address();
        templates.setEnabled(shop.id(), StepKind.SHIPPED, false);

        boolean enqueued = outbox.enqueue(shipped(shop.id(), customer(dsl, shop, to), to, "k"));

        assertThat(enqueued).isFalse();
        assertThat(outboxRows(shop)).isZero();
    }

    @Test
    void usesTheShopsOwnTemplate() throws Exception {
        Shop shop = Shops.newShop(dsl);
        String to = address();
        templates.save(
                shop.id(),
                StepKind.SHIPPED,
                new TemplateParts(
                        "On its way, {{ customer.first_name }}!",
                        "<p>{{ tracking.number }}</p>",
                        "{{ tracking.number }}"));

        outbox.enqueue(shipped(shop.id(), customer(dsl, shop, to), to, "k"));
        drain();

        MimeMessage email = receivedEmailsTo(to).getFirst();
        assertThat(email.getSubject()).isEqualTo("On its way, Ada!");
        MimeMultipart parts = (MimeMultipart) email.getContent();
        assertThat(parts.getBodyPart(0).getContent().toString()).isEqualTo("1Z999AA10123456784");
        assertThat(parts.getBodyPart(1).getContent().toString()).contains("<p>1Z999AA10123456784</p>");
    }

    @Test
    void anInvalidTemplateIsNotSaved() {
        Shop shop = Shops.newShop(dsl);

        assertThatThrownBy(() -> templates.save(
                        shop.id(), StepKind.SHIPPED, new TemplateParts("Hi", "{% include 'secrets' %}", "x")))
                .isInstanceOf(InvalidTemplateException.class)
                .hasMessageStartingWith("html: ");
        assertThat(templates.templateFor(shop.id(), StepKind.SHIPPED).html()).doesNotContain("include");
    }

    @Test
    void nothingIsEnqueuedWhenTheCallersTransactionRollsBack() {
        Shop shop = Shops.newShop(dsl);
        String to = address();
        long customer = customer(dsl, shop, to);

        assertThatThrownBy(() -> new Transactions(dsl).inTransaction(() -> {
                    outbox.enqueue(shipped(shop.id(), customer, to, "k"));
                    throw new IllegalStateException("the journey step failed");
                }))
                .isInstanceOf(IllegalStateException.class);

        assertThat(outboxRows(shop)).isZero();
    }

    @Test
    void anUnsubscribedCustomerGetsNoCustomerEmailsButTheMerchantStillGetsAlerts() {
        Shop shop = Shops.newShop(dsl);
        String to = address();
        String merchant = address();
        long customer = customer(dsl, shop, to);
        outbox.enqueue(shipped(shop.id(), customer, to, "queued-before"));
        unsubscribes.unsubscribe(new UnsubscribeLinks.Recipient(shop.id(), customer));

        boolean after = outbox.enqueue(shipped(shop.id(), customer, to, "after"));
        boolean alert = outbox.enqueue(stuckAlert(shop.id(), merchant, "alert"));
        drain();

        assertThat(after).isFalse();
        assertThat(alert).isTrue();
        assertThat(receivedEmailsTo(to)).isEmpty();
        assertThat(status(shop, "queued-before")).isEqualTo("CANCELLED");
        List<MimeMessage> alerts = receivedEmailsTo(merchant);
        assertThat(alerts).hasSize(1);
        assertThat(header(alerts.getFirst(), "List-Unsubscribe")).isNull();
    }

    @Test
    void nothingIsSentForAnUninstalledShop() {
        Shop shop = Shops.newShop(dsl);
        String to = address();
        long customer = customer(dsl, shop, to);
        outbox.enqueue(shipped(shop.id(), customer, to, "queued"));
        shops.uninstall(shop.id(), Instant.parse("2026-11-01T00:00:00Z"));

        boolean afterUninstall = outbox.enqueue(shipped(shop.id(), customer, to, "after"));
        drain();

        assertThat(afterUninstall).isFalse();
        assertThat(receivedEmailsTo(to)).isEmpty();
        assertThat(status(shop, "queued")).isEqualTo("CANCELLED");
    }

    @Test
    void anAddressTheServerCannotTakeFailsAtOnceWithoutRetry() {
        Shop shop = Shops.newShop(dsl);
        String to = "two words@customers.test";

        outbox.enqueue(shipped(shop.id(), customer(dsl, shop, address()), to, "bad-address"));
        drain();

        assertThat(status(shop, "bad-address")).isEqualTo("FAILED");
        var attempt = dsl.selectFrom(EMAIL_ATTEMPT)
                .where(EMAIL_ATTEMPT.SHOP_ID.eq(shop.id().value()))
                .fetchSingle();
        assertThat(attempt.getOutcome()).isEqualTo("FAILED");
        assertThat(attempt.getReply()).startsWith("invalid address");
    }

    @Test
    void aMessageWhoseSenderDiedDuringSmtpIsNeverSentAgain() {
        Shop shop = Shops.newShop(dsl);
        String to = address();
        outbox.enqueue(shipped(shop.id(), customer(dsl, shop, to), to, "in-flight"));
        // As a sender leaves it when killed between "SENDING" and recording the outcome.
        dsl.update(EMAIL_OUTBOX)
                .set(EMAIL_OUTBOX.STATUS, "SENDING")
                .set(EMAIL_OUTBOX.ATTEMPTS, 1)
                .set(
                        EMAIL_OUTBOX.NEXT_ATTEMPT_AT,
                        clock.instant().minusSeconds(1).atOffset(java.time.ZoneOffset.UTC))
                .where(EMAIL_OUTBOX.SHOP_ID.eq(shop.id().value()))
                .execute();

        drain();

        assertThat(receivedEmailsTo(to)).isEmpty();
        assertThat(status(shop, "in-flight")).isEqualTo("FAILED");
        assertThat(dsl.select(EMAIL_ATTEMPT.OUTCOME)
                        .from(EMAIL_ATTEMPT)
                        .where(EMAIL_ATTEMPT.SHOP_ID.eq(shop.id().value()))
                        .fetch(EMAIL_ATTEMPT.OUTCOME))
                .containsExactly("UNKNOWN");
    }

    @Test
    void erasingACustomerErasesTheEmailsToThem() {
        Shop shop = Shops.newShop(dsl);
        String to = address();
        long customer = customer(dsl, shop, to);
        outbox.enqueue(shipped(shop.id(), customer, to, "sent"));
        drain();
        outbox.enqueue(shipped(shop.id(), customer, to, "pending"));
        String externalId = dsl.select(io.loyaltyloop.db.Tables.CUSTOMER.EXTERNAL_ID)
                .from(io.loyaltyloop.db.Tables.CUSTOMER)
                .where(io.loyaltyloop.db.Tables.CUSTOMER.CUSTOMER_ID.eq(customer))
                .fetchSingle()
                .value1();

        loyalty.apply(
                new io.loyaltyloop.lifecycle.CustomerRedacted(shop.id(), "redact-1", clock.instant(), externalId));

        assertThat(outboxRows(shop)).isZero();
        assertThat(dsl.fetchCount(
                        EMAIL_ATTEMPT, EMAIL_ATTEMPT.SHOP_ID.eq(shop.id().value())))
                .isZero();
    }

    @Test
    void refusesMessagesThatCouldNeverBeSent() {
        Shop shop = Shops.newShop(dsl);
        String to = address();
        long customer = customer(dsl, shop, to);
        OutgoingEmail good = shipped(shop.id(), customer, to, "k");

        assertThatThrownBy(() -> outbox.enqueue(withKey(good, " ")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("idempotency key");
        assertThatThrownBy(() -> outbox.enqueue(withKey(good, "x".repeat(201))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("idempotency key");
        assertThatThrownBy(() -> outbox.enqueue(new OutgoingEmail(
                        shop.id(), "k", StepKind.SHIPPED, "no-at-sign", null, customer, Locale.US, Map.of())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not an email address");
        assertThatThrownBy(() -> outbox.enqueue(
                        new OutgoingEmail(shop.id(), "k", StepKind.SHIPPED, to, null, null, Locale.US, Map.of())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("customerId is required");
        assertThat(outboxRows(shop)).isZero();
    }

    private static OutgoingEmail withKey(OutgoingEmail e, String key) {
        return new OutgoingEmail(
                e.shop(), key, e.kind(), e.toAddress(), e.toName(), e.customerId(), e.locale(), e.variables());
    }

    private void drain() {
        while (sender.sendDue(100) > 0) {
            // until nothing is due
        }
    }

    private int outboxRows(Shop shop) {
        return dsl.fetchCount(EMAIL_OUTBOX, EMAIL_OUTBOX.SHOP_ID.eq(shop.id().value()));
    }

    private String status(Shop shop, String key) {
        return dsl.select(EMAIL_OUTBOX.STATUS)
                .from(EMAIL_OUTBOX)
                .where(EMAIL_OUTBOX.SHOP_ID.eq(shop.id().value()))
                .and(EMAIL_OUTBOX.IDEMPOTENCY_KEY.eq(key))
                .fetchSingle(EMAIL_OUTBOX.STATUS);
    }

    private static String header(MimeMessage message, String name) {
        try {
            return message.getHeader(name, null);
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
