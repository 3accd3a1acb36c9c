package io.loyaltyloop.admin.emails;

import io.loyaltyloop.journey.StepKind;
import io.loyaltyloop.shop.ShopId;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The port through which the Emails screen edits a shop's email templates. app-backend implements it
 * beside the email feature (Liquid in a sandbox, the outbox, SMTP), which admin-ui cannot see. Without
 * an implementation the screen says emails are unavailable.
 *
 * <p>Every write records an audit entry as {@code actor}, in the same transaction as the change.
 */
public interface EmailTemplateEditor {

    /** Every kind, in {@link StepKind} order, with the shop's switch and whether it has its own template. */
    List<KindState> kinds(ShopId shop);

    /** The template the shop's emails of {@code kind} use now (its own parts, the shipped ones for the rest). */
    KindTemplate template(ShopId shop, StepKind kind);

    /** The draft rendered on sample data, or what keeps it from rendering, part by part. Writes nothing. */
    Checked check(ShopId shop, StepKind kind, Draft draft);

    /** @throws InvalidDraftException when the draft does not render; nothing is saved then */
    void save(ShopId shop, StepKind kind, Draft draft, String actor);

    /** Back to the shipped template; the on/off switch stays. */
    void reset(ShopId shop, StepKind kind, String actor);

    void setEnabled(ShopId shop, StepKind kind, boolean enabled, String actor);

    /**
     * Renders the draft on sample data and sends it, subject prefixed "[Test]", to {@code to} through
     * the outbox and SMTP like any email, but to no customer.
     *
     * @throws InvalidDraftException when the draft does not render
     * @throws TestSendLimitException when the shop sent its hourly allowance of tests already
     */
    void sendTest(ShopId shop, StepKind kind, Draft draft, String to, String actor);

    /** The three Liquid parts as the merchant typed them. */
    record Draft(String subject, String html, String text) {}

    /** One kind on the list. {@code lastChanged} is null when the shop never touched it. */
    record KindState(StepKind kind, boolean enabled, boolean customised, Instant lastChanged) {}

    /** One kind in the editor, with the variables its emails are given. */
    record KindTemplate(KindState state, Draft template, List<Variable> variables) {}

    /** A variable a template may use, e.g. {@code order.name}, with its sample value. */
    record Variable(String name, String example) {}

    /**
     * What a draft looks like: the rendered email, or, when it does not render, the problems by part
     * ({@code subject}, {@code html}, {@code text}), one sentence each.
     */
    record Checked(Rendered rendered, Map<String, List<String>> problems) {

        public boolean ok() {
            return problems.isEmpty();
        }
    }

    /** A rendered email: one-line subject, the whole HTML document, the plain text. */
    record Rendered(String subject, String html, String text) {}
}
