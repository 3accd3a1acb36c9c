package io.loyaltyloop.email;

import io.loyaltyloop.admin.emails.EmailTemplateEditor;
import io.loyaltyloop.admin.emails.InvalidDraftException;
import io.loyaltyloop.admin.emails.TestSendLimitException;
import io.loyaltyloop.audit.AuditLog;
import io.loyaltyloop.journey.StepKind;
import io.loyaltyloop.shop.ShopId;
import io.loyaltyloop.system.Transactions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jooq.DSLContext;
import org.springframework.stereotype.Service;

/**
 * The admin's {@link EmailTemplateEditor} on {@link EmailTemplates}: validation and rendering in the
 * Liquid sandbox, test sends through the outbox, and an audit entry in the transaction of each
 * change ({@code EmailTemplates} itself does not audit: the journey never changes templates).
 */
@Service
class AdminEmailTemplates implements EmailTemplateEditor {

    /** Test sends a shop may make per hour: enough to iterate on a template, too few to spam anyone. */
    static final int TEST_SENDS_PER_HOUR = 10;

    private static final List<String> PARTS = List.of("subject", "html", "text");

    private final EmailTemplates templates;
    private final EmailTemplateRepository repository;
    private final TestSendRepository testSends;
    private final OutboxRepository outbox;
    private final OutboxService outboxService;
    private final AuditLog audit;
    private final Transactions transactions;
    private final Clock clock;

    AdminEmailTemplates(
            EmailTemplates templates,
            EmailTemplateRepository repository,
            TestSendRepository testSends,
            OutboxRepository outbox,
            OutboxService outboxService,
            DSLContext dsl,
            Clock clock) {
        this.templates = templates;
        this.repository = repository;
        this.testSends = testSends;
        this.outbox = outbox;
        this.outboxService = outboxService;
        this.audit = new AuditLog(dsl);
        this.transactions = new Transactions(dsl);
        this.clock = clock;
    }

    @Override
    public List<KindState> kinds(ShopId shop) {
        Map<StepKind, EmailTemplateRepository.StoredTemplate> rows = repository.all(shop);
        List<KindState> kinds = new ArrayList<>();
        for (StepKind kind : StepKind.values()) {
            kinds.add(state(kind, rows.get(kind)));
        }
        return kinds;
    }

    @Override
    public KindTemplate template(ShopId shop, StepKind kind) {
        TemplateParts parts = templates.templateFor(shop, kind);
        List<Variable> variables = KindVariables.of(kind).entrySet().stream()
                .map(e -> new Variable(e.getKey(), e.getValue()))
                .toList();
        return new KindTemplate(
                state(kind, repository.all(shop).get(kind)),
                new Draft(parts.subject(), parts.html(), parts.text()),
                variables);
    }

    @Override
    public Checked check(ShopId shop, StepKind kind, Draft draft) {
        TemplateParts parts = parts(draft);
        Map<String, List<String>> problems = byPart(templates.validate(kind, parts));
        if (!problems.isEmpty()) {
            return new Checked(null, problems);
        }
        try {
            RenderedEmail email = templates.renderSample(shop, kind, parts, Locale.US);
            return new Checked(new Rendered(email.subject(), email.html(), email.text()), Map.of());
        } catch (TemplateException e) {
            // Validation renders with the example shop; the shop's own name or currency may still fail.
            return new Checked(null, byPart(List.of(e.getMessage())));
        }
    }

    @Override
    public void save(ShopId shop, StepKind kind, Draft draft, String actor) {
        requireRenders(shop, kind, draft);
        transactions.run(() -> {
            templates.save(shop, kind, parts(draft));
            audit.record(shop, actor, "email.template.save", kind.name(), Map.of());
        });
    }

    @Override
    public void reset(ShopId shop, StepKind kind, String actor) {
        transactions.run(() -> {
            templates.reset(shop, kind);
            audit.record(shop, actor, "email.template.reset", kind.name(), Map.of());
        });
    }

    @Override
    public void setEnabled(ShopId shop, StepKind kind, boolean enabled, String actor) {
        transactions.run(() -> {
            templates.setEnabled(shop, kind, enabled);
            audit.record(shop, actor, enabled ? "email.kind.enable" : "email.kind.disable", kind.name(), Map.of());
        });
    }

    @Override
    public void sendTest(ShopId shop, StepKind kind, Draft draft, String to, String actor) {
        Rendered rendered = requireRenders(shop, kind, draft);
        transactions.run(() -> {
            Instant now = clock.instant();
            if (testSends.lockShopAndCountSince(shop, now.minus(Duration.ofHours(1))) >= TEST_SENDS_PER_HOUR) {
                throw new TestSendLimitException(TEST_SENDS_PER_HOUR);
            }
            String shopName = templates.shopName(shop);
            // No customer: no unsubscribe header, no suppression, not one of the shop's customer emails.
            outbox.insert(
                    new NewOutboxMessage(
                            shop,
                            TestSendRepository.KEY_PREFIX + UUID.randomUUID(),
                            kind.name(),
                            null,
                            to,
                            null,
                            shopName,
                            new RenderedEmail("[Test] " + rendered.subject(), rendered.html(), rendered.text()),
                            outboxService.messageId(),
                            null),
                    now);
            audit.record(shop, actor, "email.test_send", kind.name(), Map.of("to", to));
        });
    }

    private Rendered requireRenders(ShopId shop, StepKind kind, Draft draft) {
        Checked checked = check(shop, kind, draft);
        if (!checked.ok()) {
            throw new InvalidDraftException(checked.problems());
        }
        return checked.rendered();
    }

    private static KindState state(StepKind kind, EmailTemplateRepository.StoredTemplate row) {
        return row == null
                ? new KindState(kind, true, false, null)
                : new KindState(kind, row.template().enabled(), row.template().overrides(), row.updatedAt());
    }

    private static TemplateParts parts(Draft draft) {
        return new TemplateParts(draft.subject(), draft.html(), draft.text());
    }

    /** The renderer names the part first ("html: syntax error at line 3 …"); the screen shows each by its field. */
    static Map<String, List<String>> byPart(List<String> problems) {
        Map<String, List<String>> byPart = new LinkedHashMap<>();
        for (String problem : problems) {
            int colon = problem.indexOf(": ");
            String part = colon > 0 ? problem.substring(0, colon) : "";
            boolean known = PARTS.contains(part);
            byPart.computeIfAbsent(known ? part : "html", p -> new ArrayList<>())
                    .add(known ? problem.substring(colon + 2) : problem);
        }
        return byPart;
    }
}
