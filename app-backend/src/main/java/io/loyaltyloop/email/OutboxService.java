package io.loyaltyloop.email;

import io.loyaltyloop.journey.StepKind;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * {@link EmailOutbox} on the {@code email_outbox} table. Enqueueing renders the message with the
 * shop's template and stores it, on the caller's connection: inside the caller's transaction when
 * there is one, so a rolled-back journey step leaves no message behind.
 */
@Service
class OutboxService implements EmailOutbox {

    private final OutboxRepository outbox;
    private final EmailTemplates templates;
    private final UnsubscribeLinks links;
    private final EmailProperties properties;
    private final Clock clock;

    OutboxService(
            OutboxRepository outbox,
            EmailTemplates templates,
            UnsubscribeLinks links,
            EmailProperties properties,
            Clock clock) {
        this.outbox = outbox;
        this.templates = templates;
        this.links = links;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * @return false, storing nothing, when the key was enqueued before, the shop switched the kind
     *     off, the shop is not installed, or the customer unsubscribed
     * @throws IllegalArgumentException for a message that could never be sent (no key, no address,
     *     a customer email without a customer)
     */
    @Override
    public boolean enqueue(OutgoingEmail email) {
        check(email);
        boolean toCustomer = email.kind().audience() == StepKind.Audience.CUSTOMER;
        EnqueueContext context = outbox.enqueueContext(
                        email.shop(),
                        email.idempotencyKey(),
                        toCustomer ? email.customerId() : null,
                        email.kind().name())
                .orElseThrow(() -> new IllegalArgumentException("no shop " + email.shop()));
        if (context.duplicate() || !context.shopActive() || (toCustomer && context.unsubscribed())) {
            return false;
        }
        Instant now = clock.instant();
        String unsubscribeUrl = toCustomer ? links.url(email.shop(), email.customerId(), now) : null;
        RenderRequest request = new RenderRequest(
                context.shopName(),
                context.currency(),
                context.timezone(),
                email.locale() == null ? Locale.ENGLISH : email.locale(),
                unsubscribeUrl,
                email.variables() == null ? Map.of() : email.variables());
        Optional<RenderedEmail> rendered =
                templates.renderForSending(email.kind(), request, email.shop(), context.template());
        if (rendered.isEmpty()) {
            return false;
        }
        return outbox.insert(
                new NewOutboxMessage(
                        email.shop(),
                        email.idempotencyKey(),
                        email.kind().name(),
                        toCustomer ? email.customerId() : null,
                        email.toAddress().strip(),
                        email.toName(),
                        context.shopName(),
                        rendered.get(),
                        messageId(),
                        unsubscribeUrl),
                now);
    }

    /** A new Message-ID on the sender's domain. */
    String messageId() {
        String from = properties.from();
        return "<" + UUID.randomUUID() + "@" + from.substring(from.lastIndexOf('@') + 1) + ">";
    }

    private static void check(OutgoingEmail email) {
        if (email.shop() == null || email.kind() == null) {
            throw new IllegalArgumentException("an email needs a shop and a kind");
        }
        String key = email.idempotencyKey();
        if (key == null || key.isBlank() || key.length() > 200) {
            throw new IllegalArgumentException("idempotency key must be 1 to 200 characters");
        }
        String to = email.toAddress();
        if (to == null || to.isBlank() || to.length() > 320 || to.indexOf('@') < 1) {
            throw new IllegalArgumentException("not an email address: " + to);
        }
        if (email.kind().audience() == StepKind.Audience.CUSTOMER && email.customerId() == null) {
            throw new IllegalArgumentException(email.kind() + " goes to a customer: customerId is required");
        }
    }
}
