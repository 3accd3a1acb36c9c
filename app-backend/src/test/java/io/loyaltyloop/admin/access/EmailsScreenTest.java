package io.loyaltyloop.admin.access;

import static io.loyaltyloop.admin.access.AdminFixtures.PASSWORD;
import static io.loyaltyloop.db.Tables.AUDIT_LOG;
import static io.loyaltyloop.db.Tables.EMAIL_OUTBOX;
import static io.loyaltyloop.db.Tables.EMAIL_TEMPLATE;
import static org.assertj.core.api.Assertions.assertThat;

import io.loyaltyloop.email.EmailOutbox;
import io.loyaltyloop.email.EmailSender;
import io.loyaltyloop.email.OutgoingEmail;
import io.loyaltyloop.journey.StepKind;
import io.loyaltyloop.shop.Shop;
import io.loyaltyloop.shopify.auth.SessionTokens;
import io.loyaltyloop.system.PageClient;
import io.loyaltyloop.testing.Shops;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The Emails screen over HTTP: the list and its switches, the editor (save, reset, live check, the
 * preview document and its policy), test sends; with and without htmx, standalone and embedded, and
 * every refusal with nothing changed.
 */
class EmailsScreenTest extends AdminWebTest {

    static final String EDITOR = "/admin/emails/review-request";
    static final String HTML = "<p style=\"color:#333\">Hi {{ customer.first_name }}, how was {{ order.name }}?</p>";

    @Autowired
    AdminAccounts accounts;

    @Autowired
    EmailOutbox outbox;

    @Autowired
    EmailSender sender;

    Shop shop;

    @BeforeEach
    void shopWithAnOwnerAndAStaffMember() {
        shop = Shops.newShop(dsl);
        accounts.create(shop.id(), "owner@emails.test", PASSWORD, AdminRole.OWNER);
        accounts.create(shop.id(), "staff@emails.test", PASSWORD, AdminRole.STAFF);
    }

    // list

    @Test
    void theListShowsEveryKindWithItsTriggerAsAPageOrAFragment() {
        client.login(shop.platformShopKey(), "owner@emails.test", PASSWORD);

        HttpResponse<String> page = client.get("/admin/emails");
        HttpResponse<String> fragment = client.get("/admin/emails", "HX-Request", "true");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("<html", "<nav", "Review request", "Some days after delivery.", "Order confirmation")
                .contains("Stuck shipment alert (to you)", "aria-pressed=\"true\"", "Send Review request")
                .doesNotContain("Coming next");
        assertThat(fragment.statusCode()).isEqualTo(200);
        assertThat(fragment.body())
                .contains("Review request", "Points last chance")
                .doesNotContain("<html", "<nav");
    }

    @Test
    void theOwnerSwitchesAKindOffAndTheOutboxRefusesIt() {
        client.login(shop.platformShopKey(), "owner@emails.test", PASSWORD);

        HttpResponse<String> row = client.postWithCsrf(
                "/admin/emails",
                "/admin/emails/order-confirmed/enabled",
                PageClient.form("enabled", "false"),
                "HX-Request",
                "true");

        assertThat(row.statusCode()).isEqualTo(200);
        assertThat(row.body())
                .contains("id=\"kind-order-confirmed\"", "aria-pressed=\"false\"", ">Off<")
                .doesNotContain("<html");
        assertThat(enabled(StepKind.ORDER_CONFIRMED)).isFalse();
        assertThat(audit()).containsExactly("email.kind.disable ORDER_CONFIRMED");
        assertThat(outbox.enqueue(email(StepKind.ORDER_CONFIRMED, "order:1:ORDER_CONFIRMED")))
                .isFalse();
        assertThat(outboxRows()).isZero();

        HttpResponse<String> plain = client.postWithCsrf(
                "/admin/emails", "/admin/emails/order-confirmed/enabled", PageClient.form("enabled", "true"));
        assertThat(plain.statusCode()).isEqualTo(302);
        assertThat(plain.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/admin/emails"));
        assertThat(enabled(StepKind.ORDER_CONFIRMED)).isTrue();
    }

    @Test
    void aSwitchValueThatIsNotABooleanIsABadRequest() {
        client.login(shop.platformShopKey(), "owner@emails.test", PASSWORD);

        HttpResponse<String> answer = client.postWithCsrf(
                "/admin/emails", "/admin/emails/shipped/enabled", PageClient.form("enabled", "maybe"));

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains("enabled must be true or false");
        assertNothingChanged();
    }

    // editor

    @Test
    void theEditorShowsTheTemplateItsVariablesAndThePreviewAsAPageOrAFragment() {
        client.login(shop.platformShopKey(), "owner@emails.test", PASSWORD);

        HttpResponse<String> page = client.get(EDITOR);
        HttpResponse<String> fragment = client.get(EDITOR, "HX-Request", "true");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("<html", "<h1 class=\"page-title\">Review request</h1>", "Default")
                .contains("How do you like your order {{ order.name }}?", "items[].review_url", "points.per_review")
                // the subject as rendered on sample data, and the sandboxed frame of the HTML
                .contains(
                        "How do you like your order #1001?",
                        "sandbox=\"\"",
                        "src=\"/admin/emails/review-request/preview\"")
                .contains("input delay:400ms from:#email-editor-form", ">Save<", ">Send test<");
        assertThat(fragment.body()).contains("Review request", "HTML body").doesNotContain("<html", "<nav");
    }

    @Test
    void staffSeeTheEditorReadOnly() {
        client.login(shop.platformShopKey(), "staff@emails.test", PASSWORD);

        HttpResponse<String> page = client.get(EDITOR);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("readonly", "How do you like your order")
                .doesNotContain(">Save<", "hx-trigger");
        assertThat(client.get("/admin/emails").body()).doesNotContain("Send Review request");
    }

    @Test
    void theLiveCheckRendersTheDraftOrSaysWhereItBreaks() {
        client.login(shop.platformShopKey(), "owner@emails.test", PASSWORD);

        HttpResponse<String> good = client.postWithCsrf(
                EDITOR, EDITOR + "/check", draft("Tell us about {{ order.name }}", HTML), "HX-Request", "true");
        HttpResponse<String> broken = client.postWithCsrf(
                EDITOR,
                EDITOR + "/check",
                draft("Tell us", "<p>ok</p>\n{% if order.name %}never closed"),
                "HX-Request",
                "true");

        assertThat(good.statusCode()).isEqualTo(200);
        assertThat(good.body())
                .contains("Tell us about #1001", "<pre id=\"preview-text\" class=\"email-preview-text\">Hi Ada</pre>")
                .doesNotContain("<html");
        assertThat(broken.statusCode()).isEqualTo(200);
        assertThat(broken.body())
                .contains(
                        "id=\"html-errors\" hx-swap-oob=\"true\"", "syntax error at line 2", "The template has errors");
        assertNothingChanged();
    }

    @Test
    void theOwnerSavesATemplateAndTheNextEmailUsesIt() {
        client.login(shop.platformShopKey(), "owner@emails.test", PASSWORD);

        HttpResponse<String> saved =
                client.postWithCsrf(EDITOR, EDITOR, draft("Your thoughts on {{ order.name }}", HTML));

        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(saved.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith(EDITOR + "?saved"));
        assertThat(client.get(EDITOR + "?saved").body()).contains("Saved.", "Customised", "Last changed");
        assertThat(audit()).containsExactly("email.template.save REVIEW_REQUEST");

        assertThat(outbox.enqueue(email(StepKind.REVIEW_REQUEST, "order:7:REVIEW_REQUEST")))
                .isTrue();
        String subject = dsl.select(EMAIL_OUTBOX.SUBJECT)
                .from(EMAIL_OUTBOX)
                .where(EMAIL_OUTBOX.SHOP_ID.eq(shop.id().value()))
                .fetchSingle()
                .value1();
        assertThat(subject).isEqualTo("Your thoughts on #7");
    }

    @Test
    void anHtmxSaveGetsTheEditorBackAndResetRestoresTheDefault() {
        client.login(shop.platformShopKey(), "owner@emails.test", PASSWORD);

        HttpResponse<String> saved = client.postWithCsrf(EDITOR, EDITOR, draft("Mine", HTML), "HX-Request", "true");
        assertThat(saved.statusCode()).isEqualTo(200);
        assertThat(saved.body())
                .contains("Saved.", "id=\"editor\"", "value=\"Mine\"")
                .doesNotContain("<html");

        HttpResponse<String> reset = client.postWithCsrf(EDITOR, EDITOR + "/reset", Map.of(), "HX-Request", "true");
        assertThat(reset.statusCode()).isEqualTo(200);
        assertThat(reset.body()).contains("Back to the default template.", "How do you like your order");
        assertThat(dsl.fetchExists(
                        EMAIL_TEMPLATE,
                        EMAIL_TEMPLATE.SHOP_ID.eq(shop.id().value()),
                        EMAIL_TEMPLATE.SUBJECT.isNotNull()))
                .isFalse();
        assertThat(audit())
                .containsExactly("email.template.save REVIEW_REQUEST", "email.template.reset REVIEW_REQUEST");
    }

    @Test
    void aTemplateThatDoesNotParseIsRefusedWithTheLine() {
        assertRefused(
                draft("Hi", "<p>fine</p>\n<p>{% for item in items %}{{ item.title }}</p>"), "html-errors", "line 2");
    }

    @Test
    void anIncludeIsRefusedBySandbox() {
        assertRefused(draft("Hi", "{% include 'secrets' %}"), "html-errors", "include");
    }

    @Test
    void aTemplateOverTheSizeLimitIsRefused() {
        assertRefused(draft("Hi", "x".repeat(64 * 1024 + 1)), "html-errors", "templates may be at most 65536 bytes");
    }

    @Test
    void anEmptySubjectIsRefused() {
        assertRefused(draft("  ", HTML), "subject-errors", "must not be empty");
    }

    @Test
    void aSubjectOnTwoLinesIsRefused() {
        assertRefused(draft("Hi\r\nBcc: everyone@example.com", HTML), "subject-errors", "must be one line");
    }

    @Test
    void anUnknownKindIsNotFoundAndAMalformedOneABadRequest() {
        client.login(shop.platformShopKey(), "owner@emails.test", PASSWORD);

        assertThat(client.get("/admin/emails/no-such-email").statusCode()).isEqualTo(404);
        assertThat(client.postWithCsrf("/admin/emails", "/admin/emails/no-such-email", draft("Hi", HTML))
                        .statusCode())
                .isEqualTo(404);
        assertThat(client.get("/admin/emails/REVIEW_REQUEST").statusCode()).isEqualTo(400);
        assertNothingChanged();
    }

    @Test
    void staffCannotChangeAnything() {
        client.login(shop.platformShopKey(), "staff@emails.test", PASSWORD);
        String csrf = AdminClient.csrfTokenOf(client.get(EDITOR).body());

        for (String path :
                List.of(EDITOR, EDITOR + "/reset", EDITOR + "/test", "/admin/emails/review-request/enabled")) {
            Map<String, String> form = new java.util.HashMap<>(draft("Staff", HTML));
            form.put("enabled", "false");
            form.put("_csrf", csrf);
            assertThat(client.post(path, form).statusCode()).as(path).isEqualTo(403);
        }
        assertNothingChanged();
    }

    @Test
    void aWriteWithoutTheCsrfTokenIsForbidden() {
        client.login(shop.platformShopKey(), "owner@emails.test", PASSWORD);

        assertThat(client.post(EDITOR, draft("No token", HTML)).statusCode()).isEqualTo(403);
        assertThat(client.post(EDITOR + "/test", draft("No token", HTML)).statusCode())
                .isEqualTo(403);
        assertNothingChanged();
    }

    // preview document

    @Test
    void thePreviewIsADocumentOfItsOwnWhoseScriptsCannotRun() {
        client.login(shop.platformShopKey(), "owner@emails.test", PASSWORD);

        HttpResponse<String> preview = client.postWithCsrf(
                EDITOR, EDITOR + "/preview", draft("Hi", "<p style=\"color:red\">Hello</p><script>alert(1)</script>"));

        assertThat(preview.statusCode()).isEqualTo(200);
        assertThat(preview.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(preview.body()).contains("<p style=\"color:red\">Hello</p>", "Test shop");
        assertThat(preview.headers().firstValue("Content-Security-Policy"))
                .hasValueSatisfying(csp -> assertThat(csp)
                        .contains("default-src 'none'", "style-src 'unsafe-inline'", "frame-ancestors 'self'")
                        .doesNotContain("script-src", "allow-scripts"));
        assertThat(preview.headers().allValues("Content-Security-Policy")).hasSize(1);
        assertThat(preview.headers().firstValue("Cache-Control")).contains("no-store");
        HttpResponse<String> saved = client.get(EDITOR + "/preview");
        assertThat(saved.body()).contains("How did we do?");
        assertNothingChanged();
    }

    // embedded

    @Test
    void theEmbeddedOwnerOpensPreviewsAndSavesWithTheSessionToken() {
        HttpResponse<String> page = client.get(EDITOR + "?embedded=1&id_token=" + token());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("name=\"session_token\"")
                .doesNotContain("src=\"/admin/emails/review-request/preview\"");

        Map<String, String> form = new java.util.HashMap<>(draft("Embedded {{ order.name }}", HTML));
        form.put("session_token", token());
        HttpResponse<String> preview = client.post(EDITOR + "/preview", form);
        assertThat(preview.statusCode()).isEqualTo(200);
        assertThat(preview.body()).contains("Hi Ada, how was #1001?");
        assertThat(preview.headers().firstValue("Content-Security-Policy"))
                .hasValueSatisfying(csp -> assertThat(csp)
                        .contains("frame-ancestors 'self' https://" + shop.platformShopKey()
                                + " https://admin.shopify.com")
                        .doesNotContain("script-src"));

        HttpResponse<String> saved = client.post(
                EDITOR,
                draft("Embedded {{ order.name }}", HTML),
                "HX-Request",
                "true",
                "Authorization",
                "Bearer " + token());
        assertThat(saved.statusCode()).isEqualTo(200);
        assertThat(saved.body()).contains("Saved.");
        assertThat(audit()).containsExactly("email.template.save REVIEW_REQUEST");
    }

    @Test
    void theSessionTokenFieldIsAcceptedOnThePreviewOnly() {
        Map<String, String> form = new java.util.HashMap<>(draft("Sneaky", HTML));
        form.put("session_token", token());

        assertThat(client.post(EDITOR, form).statusCode()).isIn(302, 401, 403);
        Map<String, String> forged = new java.util.HashMap<>(draft("Sneaky", HTML));
        forged.put("session_token", "not-a-token");
        assertThat(client.post(EDITOR + "/preview", forged).statusCode()).isEqualTo(401);
        assertNothingChanged();
    }

    // test send

    @Test
    void aTestSendArrivesAtTheSignedInOwnersAddressMarkedAsATest() throws Exception {
        client.login(shop.platformShopKey(), "owner@emails.test", PASSWORD);

        HttpResponse<String> sent = client.postWithCsrf(
                EDITOR, EDITOR + "/test", draft("Draft for {{ order.name }}", HTML), "HX-Request", "true");

        assertThat(sent.statusCode()).isEqualTo(200);
        assertThat(sent.body()).contains("Test email sent to <span>owner@emails.test</span>");
        sender.sendDue(100);
        List<MimeMessage> received = receivedEmailsTo("owner@emails.test");
        assertThat(received).hasSize(1);
        assertThat(received.getFirst().getSubject()).isEqualTo("[Test] Draft for #1001");
        assertThat(received.getFirst().getHeader("List-Unsubscribe")).isNull();
        assertThat(dsl.select(EMAIL_OUTBOX.CUSTOMER_ID)
                        .from(EMAIL_OUTBOX)
                        .where(EMAIL_OUTBOX.SHOP_ID.eq(shop.id().value()))
                        .fetchSingle()
                        .value1())
                .isNull();
        assertThat(audit()).containsExactly("email.test_send REVIEW_REQUEST");
        // the draft was sent, not saved
        assertThat(dsl.fetchExists(
                        EMAIL_TEMPLATE, EMAIL_TEMPLATE.SHOP_ID.eq(shop.id().value())))
                .isFalse();
    }

    @Test
    void theTestGoesToTheSignedInAccountNeverToAnAddressInTheForm() throws Exception {
        client.login(shop.platformShopKey(), "owner@emails.test", PASSWORD);
        Map<String, String> form = new java.util.HashMap<>(draft("Relay?", HTML));
        form.put("to", "victim@elsewhere.test");

        assertThat(client.postWithCsrf(EDITOR, EDITOR + "/test", form).statusCode())
                .isEqualTo(302);
        sender.sendDue(100);

        assertThat(receivedEmailsTo("victim@elsewhere.test")).isEmpty();
        assertThat(dsl.select(EMAIL_OUTBOX.TO_ADDRESS)
                        .from(EMAIL_OUTBOX)
                        .where(EMAIL_OUTBOX.SHOP_ID.eq(shop.id().value()))
                        .fetchSingle()
                        .value1())
                .isEqualTo("owner@emails.test");
    }

    @Test
    void anEmbeddedTestGoesToTheShopsContactEmail() {
        shops.updateContactEmail(shop.id(), "contact@emails.test", "test");

        HttpResponse<String> sent = client.post(
                EDITOR + "/test",
                draft("Embedded test", HTML),
                "HX-Request",
                "true",
                "Authorization",
                "Bearer " + token());

        assertThat(sent.statusCode()).isEqualTo(200);
        assertThat(sent.body()).contains("Test email sent to <span>contact@emails.test</span>");
    }

    @Test
    void aBrokenDraftIsNotSentAsATest() {
        client.login(shop.platformShopKey(), "owner@emails.test", PASSWORD);

        HttpResponse<String> answer =
                client.postWithCsrf(EDITOR, EDITOR + "/test", draft("Hi", "{% if %}"), "HX-Request", "true");

        assertThat(answer.statusCode()).isEqualTo(422);
        assertThat(answer.body()).contains("The template has errors", "id=\"html-errors\" hx-swap-oob=\"true\"");
        assertNothingChanged();
    }

    @Test
    void theEleventhTestSendInAnHourIsRefused() {
        client.login(shop.platformShopKey(), "owner@emails.test", PASSWORD);
        String csrf = AdminClient.csrfTokenOf(client.get(EDITOR).body());
        Map<String, String> form = new java.util.HashMap<>(draft("Again", HTML));
        form.put("_csrf", csrf);
        for (int i = 0; i < 10; i++) {
            assertThat(client.post(EDITOR + "/test", form, "HX-Request", "true").statusCode())
                    .isEqualTo(200);
        }

        HttpResponse<String> eleventh = client.post(EDITOR + "/test", form, "HX-Request", "true");

        assertThat(eleventh.statusCode()).isEqualTo(429);
        assertThat(eleventh.body()).contains("sent 10 test emails in the last hour");
        assertThat(outboxRows()).isEqualTo(10);
        assertThat(audit()).hasSize(10);
        // an hour later the shop may test again
        clock.set(clock.instant().plusSeconds(3601));
        try {
            assertThat(client.post(EDITOR + "/test", form, "HX-Request", "true").statusCode())
                    .isEqualTo(200);
        } finally {
            clock.set(START);
        }
    }

    // helpers

    private void assertRefused(Map<String, String> draft, String errorsId, String message) {
        client.login(shop.platformShopKey(), "owner@emails.test", PASSWORD);

        HttpResponse<String> htmx = client.postWithCsrf(EDITOR, EDITOR, draft, "HX-Request", "true");
        HttpResponse<String> plain = client.postWithCsrf(EDITOR, EDITOR, draft);

        assertThat(htmx.statusCode()).isEqualTo(422);
        assertThat(htmx.body()).contains("id=\"" + errorsId + "\"", message).doesNotContain("<html");
        assertThat(plain.statusCode()).isEqualTo(422);
        assertThat(plain.body()).contains("<html", message);
        assertNothingChanged();
    }

    private void assertNothingChanged() {
        assertThat(dsl.fetchExists(
                        EMAIL_TEMPLATE, EMAIL_TEMPLATE.SHOP_ID.eq(shop.id().value())))
                .isFalse();
        assertThat(audit()).isEmpty();
        assertThat(outboxRows()).isZero();
    }

    private static Map<String, String> draft(String subject, String html) {
        return PageClient.form("subject", subject, "html", html, "text", "Hi {{ customer.first_name }}");
    }

    private OutgoingEmail email(StepKind kind, String key) {
        Map<String, Object> variables = Map.of("order", Map.of("name", "#7"), "customer", Map.of("first_name", "Bo"));
        return new OutgoingEmail(shop.id(), key, kind, "bo@emails.test", "Bo", 1L, Locale.US, variables);
    }

    private boolean enabled(StepKind kind) {
        return dsl.select(EMAIL_TEMPLATE.ENABLED)
                .from(EMAIL_TEMPLATE)
                .where(EMAIL_TEMPLATE.SHOP_ID.eq(shop.id().value()))
                .and(EMAIL_TEMPLATE.KIND.eq(kind.name()))
                .fetchOptional(r -> r.value1())
                .orElse(true);
    }

    private List<String> audit() {
        return dsl.select(AUDIT_LOG.ACTION, AUDIT_LOG.SUBJECT)
                .from(AUDIT_LOG)
                .where(AUDIT_LOG.SHOP_ID.eq(shop.id().value()))
                .orderBy(AUDIT_LOG.AUDIT_ID)
                .fetch(r -> r.value1() + " " + r.value2());
    }

    private int outboxRows() {
        return dsl.fetchCount(EMAIL_OUTBOX, EMAIL_OUTBOX.SHOP_ID.eq(shop.id().value()));
    }

    private String token() {
        return SessionTokens.token(SHOPIFY_SECRET, shop.platformShopKey(), clock.instant());
    }
}
