package io.loyaltyloop.admin.access;

import static io.loyaltyloop.admin.access.AdminFixtures.PASSWORD;
import static io.loyaltyloop.db.Tables.AUDIT_LOG;
import static io.loyaltyloop.db.Tables.EMAIL_OUTBOX;
import static io.loyaltyloop.db.Tables.WEBHOOK_INBOX;
import static org.assertj.core.api.Assertions.assertThat;

import io.loyaltyloop.audit.AuditLog;
import io.loyaltyloop.db.tables.records.WebhookInboxRecord;
import io.loyaltyloop.loyalty.EntryKind;
import io.loyaltyloop.loyalty.LedgerEntry;
import io.loyaltyloop.shop.ProgramSettings;
import io.loyaltyloop.shop.Shop;
import io.loyaltyloop.shopify.auth.SessionTokens;
import io.loyaltyloop.shopify.webhook.InboxWorker;
import io.loyaltyloop.shopify.webhook.WebhookEdgeTest;
import io.loyaltyloop.system.PageClient;
import io.loyaltyloop.testing.Shops;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The Activity screen over HTTP: the audit log (pages, filters, refusals, escaping) and delivery
 * health with the retry of parked webhooks, which the worker then processes like any delivery.
 */
class ActivityScreenTest extends AdminWebTest {

    /** The customer of Shopify's example order payloads. */
    private static final String FIXTURE_CUSTOMER = "115310627314723954";

    private static final String PAGE = "/admin/activity";
    private static final String RETRY = "/admin/activity/webhooks/retry";
    private static final String RETRY_ALL = "/admin/activity/webhooks/retry-all";

    @Autowired
    AdminAccounts accounts;

    @Autowired
    InboxWorker worker;

    AuditLog audit;
    Shop shop;
    Shop other;

    @BeforeEach
    void shopsWithAnOwnerAndAStaffMember() {
        audit = new AuditLog(dsl);
        shop = Shops.newShop(dsl);
        other = Shops.newShop(dsl);
        // Shopify's example order is from 2021, before the test shop installed: award it anyway.
        shops.updateSettings(shop.id(), new ProgramSettings(14, false, 12, 12, true), "test");
        // that change is audited too: each test starts from an empty log
        dsl.deleteFrom(AUDIT_LOG).where(AUDIT_LOG.SHOP_ID.eq(shop.id().value())).execute();
        accounts.create(shop.id(), "owner@shop.test", PASSWORD, AdminRole.OWNER);
        accounts.create(shop.id(), "staff@shop.test", PASSWORD, AdminRole.STAFF);
    }

    // the audit log

    @Test
    void theWholePageShowsDeliveryHealthAndTheAuditLogInWordsAndTheShopsTimeZone() {
        audit.record(shop.id(), "admin:owner@shop.test", "points.adjusted", "customer:42", Map.of("points", 250));
        audit.record(shop.id(), "admin:owner@shop.test", "program.earning_rule.update", "rule:1", Map.of());
        audit.record(shop.id(), "admin:owner@shop.test", "custom.thing", null, Map.of());
        staff();

        HttpResponse<String> page = client.get(PAGE);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("<html", "<nav", "Delivery health", "Webhooks from Shopify", "Emails", "Reward codes")
                .contains("Audit log", "Adjusted a customer&#39;s points", "customer:42", "admin:owner@shop.test")
                .contains("Program: earning rule changed", "custom.thing")
                .contains("<dt>points</dt>", "<dd>250</dd>");
        // America/New_York, never UTC
        assertThat(page.body())
                .containsPattern("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} E[SD]T")
                .doesNotContain(" UTC<");
        assertThat(page.body()).doesNotContain("Coming soon");
    }

    @Test
    void anHtmxNavigationGetsOnlyTheContent() {
        audit.record(shop.id(), "admin:owner@shop.test", "points.adjusted", "customer:42", Map.of());
        staff();

        HttpResponse<String> content = client.get(PAGE, "HX-Request", "true", "HX-Target", "main");

        assertThat(content.statusCode()).isEqualTo(200);
        assertThat(content.body())
                .contains("Audit log", "Delivery health", "customer:42")
                .doesNotContain("<html", "<nav");
    }

    @Test
    void fiftyEntriesAPageAndOlderOnesAppendedWithHtmxOrAsAPageWithout() {
        for (int i = 1; i <= 53; i++) {
            audit.record(shop.id(), "admin:owner@shop.test", "points.adjusted", "customer:" + i, Map.of());
        }
        staff();

        String first = client.get(PAGE).body();
        assertThat(entries(first)).hasSize(50).first().isEqualTo("customer:53");
        String older = olderUrl(first);
        HttpResponse<String> appended = client.get(older, "HX-Request", "true", "HX-Target", "audit-entries");
        HttpResponse<String> whole = client.get(older);

        assertThat(appended.statusCode()).isEqualTo(200);
        assertThat(entries(appended.body())).containsExactly("customer:3", "customer:2", "customer:1");
        assertThat(appended.body())
                .contains("id=\"audit-more\"", "hx-swap-oob")
                .doesNotContain("<html", "Audit log", "Older entries");
        assertThat(whole.statusCode()).isEqualTo(200);
        assertThat(whole.body()).contains("<html", "Audit log");
        assertThat(entries(whole.body())).containsExactly("customer:3", "customer:2", "customer:1");
    }

    @Test
    void theActionFamilyFilterShowsOnlyThatFamily() {
        audit.record(shop.id(), "admin:owner@shop.test", "review.approved", "review:1", Map.of());
        audit.record(shop.id(), "admin:owner@shop.test", "review.bulk_approve", "reviews", Map.of("count", 3));
        audit.record(shop.id(), "admin:owner@shop.test", "points.adjusted", "customer:1", Map.of());
        staff();

        String body = client.get(PAGE + "?action=review").body();

        assertThat(entries(body)).containsExactly("reviews", "review:1");
        assertThat(body).contains("Reviews: approved in bulk", "Approved a review");
        assertThat(body).containsPattern("value=\"review\"[^>]*selected");
    }

    @Test
    void theActorFilterMatchesPartOfTheActor() {
        audit.record(shop.id(), "admin:owner@shop.test", "points.adjusted", "customer:1", Map.of());
        audit.record(shop.id(), "admin:staff@shop.test", "points.adjusted", "customer:2", Map.of());
        staff();

        assertThat(entries(client.get(PAGE + "?actor=STAFF%40").body())).containsExactly("customer:2");
        assertThat(entries(client.get(PAGE + "?actor=", "HX-Request", "true").body()))
                .containsExactly("customer:2", "customer:1");
    }

    @Test
    void thePeriodFilterLeavesOutOlderEntries() {
        audit.record(shop.id(), "admin:owner@shop.test", "points.adjusted", "recent", Map.of());
        audit.record(shop.id(), "admin:owner@shop.test", "points.adjusted", "last-year", Map.of());
        dsl.update(AUDIT_LOG)
                .set(
                        AUDIT_LOG.CREATED_AT,
                        clock.instant().minus(Duration.ofDays(400)).atOffset(ZoneOffset.UTC))
                .where(AUDIT_LOG.SHOP_ID.eq(shop.id().value()))
                .and(AUDIT_LOG.SUBJECT.eq("last-year"))
                .execute();
        dsl.update(AUDIT_LOG)
                .set(
                        AUDIT_LOG.CREATED_AT,
                        clock.instant().minus(Duration.ofHours(2)).atOffset(ZoneOffset.UTC))
                .where(AUDIT_LOG.SHOP_ID.eq(shop.id().value()))
                .and(AUDIT_LOG.SUBJECT.eq("recent"))
                .execute();
        staff();

        assertThat(entries(client.get(PAGE + "?days=1").body())).containsExactly("recent");
        assertThat(entries(client.get(PAGE + "?days=365", "HX-Request", "true").body()))
                .containsExactly("recent");
        assertThat(entries(client.get(PAGE).body())).containsExactly("last-year", "recent");
    }

    @Test
    void detailsAreShownAsTextNeverAsMarkup() {
        audit.record(
                shop.id(),
                "admin:<b>owner</b>",
                "email.template.save",
                "<img src=x>",
                Map.of("subject", "<script>alert(1)</script>"));
        staff();

        String body = client.get(PAGE).body();

        assertThat(body)
                .contains(
                        "&lt;script&gt;alert(1)&lt;/script&gt;", "&lt;img src=x&gt;", "admin:&lt;b&gt;owner&lt;/b&gt;")
                .doesNotContain("<script>alert", "<img src=x>", "<b>owner");
        assertThat(body).contains("Emails: template saved");
    }

    @Test
    void anotherShopsEntriesNeverAppear() {
        audit.record(other.id(), "admin:owner@other.test", "points.adjusted", "theirs", Map.of());
        audit.record(shop.id(), "admin:owner@shop.test", "points.adjusted", "mine", Map.of());
        long theirs = dsl.select(AUDIT_LOG.AUDIT_ID)
                .from(AUDIT_LOG)
                .where(AUDIT_LOG.SHOP_ID.eq(other.id().value()))
                .fetchSingle()
                .value1();
        staff();

        assertThat(client.get(PAGE).body()).doesNotContain("theirs", "other.test");
        assertThat(client.get(PAGE + "?before=" + (theirs + 1)).body()).doesNotContain("theirs");
        assertThat(client.get(PAGE + "?actor=other").body()).doesNotContain("theirs");
    }

    @Test
    void aBadCursorIsABadRequest() {
        staff();
        for (String before : new String[] {"abc", "0", "-5", "99999999999999999999"}) {
            assertRefused(client.get(PAGE + "?before=" + before), "before must be a whole number");
        }
    }

    @Test
    void anUnknownActionFamilyIsABadRequest() {
        staff();
        for (String action : new String[] {"nope", "review.approved", "%25"}) {
            assertRefused(client.get(PAGE + "?action=" + action), "action must be one of the listed kinds");
        }
        assertRefused(client.get(PAGE + "?action=nope", "HX-Request", "true"), "action must be one of");
    }

    @Test
    void aPeriodOutOfRangeIsABadRequest() {
        staff();
        for (String days : new String[] {"0", "366", "-1", "week"}) {
            assertRefused(client.get(PAGE + "?days=" + days), "days must be a whole number from 1 to 365");
        }
    }

    @Test
    void anActorLongerThan200CharactersIsABadRequest() {
        staff();
        assertRefused(client.get(PAGE + "?actor=" + "a".repeat(201)), "actor is limited to 200 characters");
        assertThat(client.get(PAGE + "?actor=" + "a".repeat(200)).statusCode()).isEqualTo(200);
    }

    // delivery health

    @Test
    void parkedDeliveriesAreListedWithTheirErrorEscapedAndOnlyThisShops() {
        parked(shop, "orders/paid", "evt-mine", "<b>shop</b> is not installed " + "x".repeat(500));
        parked(other, "orders/paid", "evt-theirs", "their error");
        staff();

        String body = client.get(PAGE).body();

        assertThat(body).contains("orders/paid", "evt-mine", "&lt;b&gt;shop&lt;/b&gt; is not installed");
        assertThat(body).doesNotContain("evt-theirs", "their error", "x".repeat(300));
        // STAFF reads but is offered no retry
        assertThat(body).doesNotContain("Retry all parked", ">Retry<");
    }

    @Test
    void aFailedEmailShowsItsRecipientMasked() {
        dsl.insertInto(EMAIL_OUTBOX)
                .set(EMAIL_OUTBOX.SHOP_ID, shop.id().value())
                .set(EMAIL_OUTBOX.IDEMPOTENCY_KEY, "test:" + UUID.randomUUID())
                .set(EMAIL_OUTBOX.KIND, "SHIPPED")
                .set(EMAIL_OUTBOX.TO_ADDRESS, "jane.doe@example.com")
                .set(EMAIL_OUTBOX.FROM_NAME, "Shop")
                .set(EMAIL_OUTBOX.SUBJECT, "Shipped")
                .set(EMAIL_OUTBOX.HTML_BODY, "<p>x</p>")
                .set(EMAIL_OUTBOX.TEXT_BODY, "x")
                .set(EMAIL_OUTBOX.MESSAGE_ID, "<m@test>")
                .set(EMAIL_OUTBOX.STATUS, "FAILED")
                .set(EMAIL_OUTBOX.LAST_ERROR, "550 5.1.1 mailbox unavailable")
                .set(EMAIL_OUTBOX.NEXT_ATTEMPT_AT, clock.instant().atOffset(ZoneOffset.UTC))
                .set(
                        EMAIL_OUTBOX.CREATED_AT,
                        clock.instant().minus(Duration.ofHours(1)).atOffset(ZoneOffset.UTC))
                .execute();
        staff();

        String body = client.get(PAGE).body();

        assertThat(body)
                .contains("j***@example.com", "550 5.1.1 mailbox unavailable")
                .doesNotContain("jane.doe");
    }

    @Test
    void theOwnerRetriesAParkedDeliveryWhichTheWorkerThenApplies() {
        parked(shop, "orders/paid", "evt-1", "shop is not installed (gave up after 12 attempts)");
        owner();

        HttpResponse<String> answer = client.postWithCsrf(
                PAGE, RETRY, PageClient.form("topic", "orders/paid", "event", "evt-1"), "HX-Request", "true");

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body())
                .contains("id=\"webhooks\"", "1 delivery was put back in the queue.")
                .doesNotContain("<html", "evt-1");
        WebhookInboxRecord row = row(shop, "orders/paid", "evt-1");
        assertThat(row.getStatus()).isEqualTo("PENDING");
        assertThat(row.getAttempts()).isZero();
        assertThat(auditActions(shop)).containsExactly("activity.retry");

        drainUntilDone(shop, "orders/paid", "evt-1");

        assertThat(earnings()).isEqualTo(1);
    }

    @Test
    void retryingADeliveryAppliedBeforeChangesNothing() {
        parked(shop, "orders/paid", "evt-2", "parked by hand");
        owner();
        client.postWithCsrf(PAGE, RETRY, PageClient.form("topic", "orders/paid", "event", "evt-2"));
        drainUntilDone(shop, "orders/paid", "evt-2");
        long balanceAfterFirst = points();
        // the same delivery parked again after it was applied (e.g. an operator's mistake)
        dsl.update(WEBHOOK_INBOX)
                .set(WEBHOOK_INBOX.STATUS, "PARKED")
                .where(WEBHOOK_INBOX.SHOP_DOMAIN.eq(shop.platformShopKey()))
                .execute();

        HttpResponse<String> again =
                client.postWithCsrf(PAGE, RETRY, PageClient.form("topic", "orders/paid", "event", "evt-2"));
        drainUntilDone(shop, "orders/paid", "evt-2");

        assertThat(again.statusCode()).isEqualTo(302);
        assertThat(earnings()).isEqualTo(1);
        assertThat(points()).isEqualTo(balanceAfterFirst);
    }

    @Test
    void aPlainFormRetryIsRedirectedToThePageWhichSaysSo() {
        parked(shop, "orders/paid", "evt-3", "parked");
        owner();

        HttpResponse<String> answer =
                client.postWithCsrf(PAGE, RETRY, PageClient.form("topic", "orders/paid", "event", "evt-3"));

        assertThat(answer.statusCode()).isEqualTo(302);
        assertThat(answer.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/admin/activity?retried=1"));
        assertThat(client.get(PAGE + "?retried=1").body()).contains("1 delivery was put back in the queue.");
        assertThat(row(shop, "orders/paid", "evt-3").getStatus()).isEqualTo("PENDING");
    }

    @Test
    void retryAllTouchesOnlyThisShopsParkedDeliveries() {
        parked(shop, "orders/paid", "evt-a", "parked");
        parked(shop, "customers/create", "evt-b", "parked");
        parked(other, "orders/paid", "evt-c", "parked");
        insert(shop, "orders/create", "evt-d", "DONE", null);
        owner();

        HttpResponse<String> answer = client.postWithCsrf(PAGE, RETRY_ALL, Map.of(), "HX-Request", "true");

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("2 deliveries were put back in the queue.");
        assertThat(row(shop, "orders/paid", "evt-a").getStatus()).isEqualTo("PENDING");
        assertThat(row(shop, "customers/create", "evt-b").getStatus()).isEqualTo("PENDING");
        assertThat(row(other, "orders/paid", "evt-c").getStatus()).isEqualTo("PARKED");
        assertThat(row(shop, "orders/create", "evt-d").getStatus()).isEqualTo("DONE");
        assertThat(dsl.select(AUDIT_LOG.DETAILS)
                        .from(AUDIT_LOG)
                        .where(AUDIT_LOG.SHOP_ID.eq(shop.id().value()))
                        .and(AUDIT_LOG.ACTION.eq("activity.retry_all"))
                        .fetchSingle()
                        .value1()
                        .data())
                .contains("\"count\": \"2\"");
        assertThat(auditActions(other)).isEmpty();
    }

    @Test
    void retryingAnotherShopsDeliveryIsNotFoundAndChangesNothing() {
        parked(other, "orders/paid", "evt-theirs", "parked");
        owner();

        HttpResponse<String> answer = client.postWithCsrf(
                PAGE, RETRY, PageClient.form("topic", "orders/paid", "event", "evt-theirs"), "HX-Request", "true");

        assertThat(answer.statusCode()).isEqualTo(404);
        assertThat(row(other, "orders/paid", "evt-theirs").getStatus()).isEqualTo("PARKED");
        assertThat(auditActions(shop)).isEmpty();
        assertThat(auditActions(other)).isEmpty();
    }

    @Test
    void retryingADeliveryThatIsNotParkedIsAConflictAndChangesNothing() {
        insert(shop, "orders/paid", "evt-done", "DONE", null);
        insert(shop, "orders/create", "evt-waiting", "PENDING", null);
        owner();

        HttpResponse<String> done =
                client.postWithCsrf(PAGE, RETRY, PageClient.form("topic", "orders/paid", "event", "evt-done"));
        HttpResponse<String> waiting =
                client.postWithCsrf(PAGE, RETRY, PageClient.form("topic", "orders/create", "event", "evt-waiting"));

        assertThat(done.statusCode()).isEqualTo(409);
        assertThat(waiting.statusCode()).isEqualTo(409);
        assertThat(row(shop, "orders/paid", "evt-done").getStatus()).isEqualTo("DONE");
        assertThat(row(shop, "orders/create", "evt-waiting").getAttempts()).isEqualTo(3);
        assertThat(auditActions(shop)).isEmpty();
    }

    @Test
    void aMalformedTopicOrEventIdIsABadRequest() {
        parked(shop, "orders/paid", "evt-4", "parked");
        owner();

        for (Map<String, String> form : List.of(
                PageClient.form("topic", "orders", "event", "evt-4"),
                PageClient.form("topic", "ORDERS/PAID", "event", "evt-4"),
                PageClient.form("topic", "orders/paid", "event", ""),
                PageClient.form("topic", "orders/paid", "event", "evt 4"),
                PageClient.form("topic", "orders/paid", "event", "e".repeat(256)),
                PageClient.form("event", "evt-4"))) {
            assertThat(client.postWithCsrf(PAGE, RETRY, form).statusCode())
                    .as(form.toString())
                    .isEqualTo(400);
        }
        assertThat(row(shop, "orders/paid", "evt-4").getStatus()).isEqualTo("PARKED");
        assertThat(auditActions(shop)).isEmpty();
    }

    @Test
    void staffMayReadButNotRetry() {
        parked(shop, "orders/paid", "evt-5", "parked");
        staff();

        HttpResponse<String> one =
                client.postWithCsrf(PAGE, RETRY, PageClient.form("topic", "orders/paid", "event", "evt-5"));
        HttpResponse<String> all = client.postWithCsrf(PAGE, RETRY_ALL, Map.of());

        assertThat(one.statusCode()).isEqualTo(403);
        assertThat(all.statusCode()).isEqualTo(403);
        assertThat(row(shop, "orders/paid", "evt-5").getStatus()).isEqualTo("PARKED");
        assertThat(auditActions(shop)).isEmpty();
    }

    @Test
    void aRetryWithoutTheCsrfTokenIsRefused() {
        parked(shop, "orders/paid", "evt-6", "parked");
        owner();

        HttpResponse<String> one = client.post(RETRY, PageClient.form("topic", "orders/paid", "event", "evt-6"));
        HttpResponse<String> all = client.post(RETRY_ALL, Map.of(), "HX-Request", "true");

        assertThat(one.statusCode()).isEqualTo(403);
        assertThat(all.statusCode()).isEqualTo(403);
        assertThat(row(shop, "orders/paid", "evt-6").getStatus()).isEqualTo("PARKED");
        assertThat(auditActions(shop)).isEmpty();
    }

    @Test
    void theEmbeddedOwnerReadsAndRetriesWithTheSessionToken() {
        parked(shop, "orders/paid", "evt-7", "parked");
        audit.record(shop.id(), "admin:owner@shop.test", "points.adjusted", "customer:7", Map.of());

        HttpResponse<String> read = client.get(PAGE, "HX-Request", "true", "Authorization", bearer());
        HttpResponse<String> retried = client.post(
                RETRY,
                PageClient.form("topic", "orders/paid", "event", "evt-7"),
                "HX-Request",
                "true",
                "Authorization",
                bearer());

        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.body())
                .contains("customer:7", "evt-7", "Retry all parked")
                .doesNotContain("<html");
        assertThat(retried.statusCode()).isEqualTo(200);
        assertThat(retried.body()).contains("1 delivery was put back in the queue.");
        assertThat(row(shop, "orders/paid", "evt-7").getStatus()).isEqualTo("PENDING");
        assertThat(auditActions(shop)).contains("activity.retry");
    }

    // helpers

    private void owner() {
        assertThat(client.login(shop.platformShopKey(), "owner@shop.test", PASSWORD)
                        .statusCode())
                .isEqualTo(302);
    }

    private void staff() {
        assertThat(client.login(shop.platformShopKey(), "staff@shop.test", PASSWORD)
                        .statusCode())
                .isEqualTo(302);
    }

    private String bearer() {
        return "Bearer " + SessionTokens.token(SHOPIFY_SECRET, shop.platformShopKey(), clock.instant());
    }

    private void assertRefused(HttpResponse<String> answer, String message) {
        long before = dsl.fetchCount(AUDIT_LOG, AUDIT_LOG.SHOP_ID.eq(shop.id().value()));
        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains(message);
        assertThat(dsl.fetchCount(AUDIT_LOG, AUDIT_LOG.SHOP_ID.eq(shop.id().value())))
                .isEqualTo(before);
    }

    /** An orders/paid delivery (Shopify's example payload) given up on, as the worker leaves it. */
    private void parked(Shop s, String topic, String eventId, String error) {
        insert(s, topic, eventId, "PARKED", error);
    }

    private void insert(Shop s, String topic, String eventId, String status, String error) {
        Instant now = clock.instant();
        dsl.insertInto(WEBHOOK_INBOX)
                .set(WEBHOOK_INBOX.SHOP_DOMAIN, s.platformShopKey())
                .set(WEBHOOK_INBOX.TOPIC, topic)
                .set(WEBHOOK_INBOX.EVENT_ID, eventId)
                .set(WEBHOOK_INBOX.TRIGGERED_AT, now.minus(Duration.ofHours(2)).atOffset(ZoneOffset.UTC))
                .set(WEBHOOK_INBOX.RECEIVED_AT, now.minus(Duration.ofHours(2)).atOffset(ZoneOffset.UTC))
                .set(WEBHOOK_INBOX.PAYLOAD, WebhookEdgeTest.fixture(topic))
                .set(WEBHOOK_INBOX.STATUS, status)
                .set(WEBHOOK_INBOX.ATTEMPTS, status.equals("PARKED") ? 12 : 3)
                .set(WEBHOOK_INBOX.NEXT_ATTEMPT_AT, now.plus(Duration.ofDays(1)).atOffset(ZoneOffset.UTC))
                .set(WEBHOOK_INBOX.LAST_ERROR, error)
                .execute();
    }

    private WebhookInboxRecord row(Shop s, String topic, String eventId) {
        return dsl.selectFrom(WEBHOOK_INBOX)
                .where(WEBHOOK_INBOX.SHOP_DOMAIN.eq(s.platformShopKey()))
                .and(WEBHOOK_INBOX.TOPIC.eq(topic))
                .and(WEBHOOK_INBOX.EVENT_ID.eq(eventId))
                .fetchSingle();
    }

    /** Drives the worker by hand (its schedule is off in tests), a bounded number of rounds. */
    private void drainUntilDone(Shop s, String topic, String eventId) {
        for (int round = 0; round < 20 && !row(s, topic, eventId).getStatus().equals("DONE"); round++) {
            worker.drainOnce();
        }
        assertThat(row(s, topic, eventId).getStatus()).isEqualTo("DONE");
    }

    private long earnings() {
        return loyalty.ledger(shop.id(), FIXTURE_CUSTOMER, 50).stream()
                .map(LedgerEntry::kind)
                .filter(EntryKind.EARN::equals)
                .count();
    }

    private long points() {
        return loyalty.balance(shop.id(), FIXTURE_CUSTOMER)
                .map(b -> b.available() + b.pending())
                .orElse(0L);
    }

    private List<String> auditActions(Shop s) {
        return dsl.select(AUDIT_LOG.ACTION)
                .from(AUDIT_LOG)
                .where(AUDIT_LOG.SHOP_ID.eq(s.id().value()))
                .orderBy(AUDIT_LOG.AUDIT_ID)
                .fetch(AUDIT_LOG.ACTION);
    }

    private static final Pattern SUBJECT = Pattern.compile("class=\"audit-subject\">([^<]*)<");

    private static List<String> entries(String html) {
        Matcher m = SUBJECT.matcher(html);
        List<String> subjects = new java.util.ArrayList<>();
        while (m.find()) {
            subjects.add(m.group(1));
        }
        return subjects;
    }

    private static String olderUrl(String html) {
        Matcher m = Pattern.compile("href=\"(/admin/activity\\?[^\"]*before=\\d+)\"")
                .matcher(html);
        assertThat(m.find()).as("an Older entries link").isTrue();
        return m.group(1).replace("&amp;", "&");
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
