package io.loyaltyloop.shopify.webhook;

import static io.loyaltyloop.db.Tables.CUSTOMER;
import static io.loyaltyloop.db.Tables.SHOP_ACCESS_TOKEN;
import static io.loyaltyloop.db.Tables.WEBHOOK_INBOX;
import static org.assertj.core.api.Assertions.assertThat;

import io.loyaltyloop.BackendTest;
import io.loyaltyloop.db.tables.records.CustomerRecord;
import io.loyaltyloop.db.tables.records.WebhookInboxRecord;
import io.loyaltyloop.loyalty.EntryKind;
import io.loyaltyloop.loyalty.LedgerEntry;
import io.loyaltyloop.loyalty.LedgerVerifier;
import io.loyaltyloop.loyalty.LoyaltyService;
import io.loyaltyloop.privacy.DataExport;
import io.loyaltyloop.privacy.PrivacyService;
import io.loyaltyloop.shop.NewShop;
import io.loyaltyloop.shop.Platform;
import io.loyaltyloop.shop.ProgramSettings;
import io.loyaltyloop.shop.Shop;
import io.loyaltyloop.shop.ShopId;
import io.loyaltyloop.shop.ShopService;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Webhooks from Shopify's real payloads through the HTTP edge, the inbox and the worker into the ledger. */
class InboxWorkerTest extends BackendTest {

    /** The customer of Shopify's example order payloads. */
    private static final String FIXTURE_CUSTOMER = "115310627314723954";

    @LocalServerPort
    int port;

    @Autowired
    InboxWorker worker;

    @Autowired
    ShopService shops;

    @Autowired
    LoyaltyService loyalty;

    @Autowired
    DSLContext dsl;

    private static final String COMPLIANCE = "/webhooks/compliance";
    private static final String TRIGGERED_AT = "2026-11-01T12:00:00.000Z";

    @Autowired
    PrivacyService privacy;

    private final String domain = "worker-" + UUID.randomUUID().toString().substring(0, 8) + ".myshopify.com";
    private Shop shop;

    @BeforeEach
    void installedShop() {
        shop = shops.register(new NewShop(Platform.SHOPIFY, domain, "Worker test shop", "USD", "America/New_York"));
        // Shopify's example order is from 2021, before this shop installed: award it anyway.
        shops.updateSettings(shop.id(), new ProgramSettings(14, false, 12, 12, true), "test");
    }

    @Test
    void aPaidOrderWebhookEndsInTheLedger() throws Exception {
        deliver("orders/paid", WebhookEdgeTest.fixture("orders/paid"));

        drainUntilSettled();

        assertThat(row("orders/paid").getStatus()).isEqualTo("DONE");
        assertThat(loyalty.ledger(shop.id(), FIXTURE_CUSTOMER, 10))
                .extracting(LedgerEntry::kind)
                // Shopify's example order was paid in 2021: the shared context's release job may
                // already have released it, so the books are checked, not the points' bucket.
                .containsOnlyOnce(EntryKind.EARN)
                .doesNotContain(EntryKind.REVERSE);
        assertThat(points(shop.id())).isPositive();
        assertThat(new LedgerVerifier(dsl).verify(shop.id(), m -> {}).ok()).isTrue();
    }

    @Test
    void theOrderAndItsPaymentOnTwoTopicsEarnOnce() throws Exception {
        deliver("orders/create", WebhookEdgeTest.fixture("orders/create"));
        deliver("orders/paid", WebhookEdgeTest.fixture("orders/paid"));

        drainUntilSettled();

        assertThat(loyalty.ledger(shop.id(), FIXTURE_CUSTOMER, 10))
                .extracting(LedgerEntry::kind)
                .containsOnlyOnce(EntryKind.EARN);
    }

    @Test
    void aRefundBeforeItsOrderEndsAsIfInOrder() throws Exception {
        deliver("refunds/create", WebhookEdgeTest.fixture("refunds/create"));
        drainUntilSettled();
        deliver("orders/paid", WebhookEdgeTest.fixture("orders/paid"));
        drainUntilSettled();

        long refundedFirst = points(shop.id());
        assertThat(row("refunds/create").getStatus()).isEqualTo("DONE");
        assertThat(new LedgerVerifier(dsl).verify(shop.id(), m -> {}).ok()).isTrue();

        String otherDomain = "worker-" + UUID.randomUUID().toString().substring(0, 8) + ".myshopify.com";
        Shop other = shops.register(new NewShop(Platform.SHOPIFY, otherDomain, "In order", "USD", "America/New_York"));
        shops.updateSettings(other.id(), new ProgramSettings(14, false, 12, 12, true), "test");
        deliverTo(otherDomain, "orders/paid", WebhookEdgeTest.fixture("orders/paid"));
        deliverTo(otherDomain, "refunds/create", WebhookEdgeTest.fixture("refunds/create"));
        drainUntilSettled();

        assertThat(points(other.id())).isEqualTo(refundedFirst);
    }

    @Test
    void aWebhookForAShopNotInstalledIsRetriedLater() throws Exception {
        String stranger = "not-installed-" + UUID.randomUUID().toString().substring(0, 8) + ".myshopify.com";
        deliverTo(stranger, "orders/paid", WebhookEdgeTest.fixture("orders/paid"));

        drainUntilSettled();

        WebhookInboxRecord row = row(stranger, "orders/paid");
        assertThat(row.getStatus()).isEqualTo("PENDING");
        assertThat(row.getAttempts()).isEqualTo(1);
        assertThat(row.getLastError()).contains("is not installed");
    }

    @Test
    void aPayloadThatCannotBeMappedIsParkedWithTheReason() throws Exception {
        deliver("orders/paid", "{\"foo\": \"bar\"}");

        drainUntilSettled();

        WebhookInboxRecord row = row("orders/paid");
        assertThat(row.getStatus()).isEqualTo("PARKED");
        assertThat(row.getLastError()).isNotBlank();
        assertThat(loyalty.balance(shop.id(), FIXTURE_CUSTOMER)).isEmpty();
    }

    @Test
    void aPayloadWhoseReasonQuotesANulIsParkedInsteadOfFailingTheWholeBatch() throws Exception {
        // Found by WebhookEdgeFuzzTest: the reason quotes the bad value, and text columns refuse NUL.
        String nul = WebhookEdgeTest.fixture("customers/create")
                .replace("\"created_at\": \"2021-12-31T19:00:00-05:00\"", "\"created_at\": \"nul\\u0000byte\"");
        assertThat(nul).contains("\\u0000");
        deliver("customers/create", nul);

        drainUntilSettled();

        WebhookInboxRecord row = row("customers/create");
        assertThat(row.getStatus()).isEqualTo("PARKED");
        assertThat(row.getLastError()).contains("created_at", "nul\uFFFDbyte");
    }

    @Test
    void aFinishedBulkOperationThatIsNoImportOfOursIsDoneWithoutCallingShopify() throws Exception {
        // The shared backend's Admin client has no token for this shop: a call would fail the delivery.
        deliver("bulk_operations/finish", WebhookEdgeTest.fixture("bulk_operations/finish"));

        drainUntilSettled();

        assertThat(row("bulk_operations/finish").getStatus()).isEqualTo("DONE");
    }

    @Test
    void anUninstalledShopKeepsItsDataAppliesNothingNewAndForgetsItsToken() throws Exception {
        dsl.insertInto(SHOP_ACCESS_TOKEN)
                .set(SHOP_ACCESS_TOKEN.SHOP_ID, shop.id().value())
                .set(SHOP_ACCESS_TOKEN.ACCESS_TOKEN, new byte[] {1})
                .set(SHOP_ACCESS_TOKEN.REFRESH_TOKEN, new byte[] {2})
                .set(SHOP_ACCESS_TOKEN.SCOPE, "read_orders")
                .set(
                        SHOP_ACCESS_TOKEN.ACCESS_EXPIRES_AT,
                        java.time.OffsetDateTime.now().plusHours(1))
                .set(
                        SHOP_ACCESS_TOKEN.REFRESH_EXPIRES_AT,
                        java.time.OffsetDateTime.now().plusDays(30))
                .set(SHOP_ACCESS_TOKEN.UPDATED_AT, java.time.OffsetDateTime.now())
                .execute();
        deliver("orders/create", WebhookEdgeTest.fixture("orders/create"));
        drainUntilSettled();
        deliver("app/uninstalled", WebhookEdgeTest.fixture("app/uninstalled"));
        drainUntilSettled();

        deliver("orders/paid", WebhookEdgeTest.fixture("orders/paid"));
        drainUntilSettled();

        assertThat(row("app/uninstalled").getStatus()).isEqualTo("DONE");
        assertThat(shops.getShop(shop.id()).active()).isFalse();
        assertThat(row("orders/paid").getStatus()).isEqualTo("DONE");
        assertThat(row("orders/paid").getLastError()).isEqualTo("not applied: the shop is uninstalled");
        assertThat(loyalty.ledger(shop.id(), FIXTURE_CUSTOMER, 10)).isEmpty();
        assertThat(tenantRows(shop.id()).get("shop_order")).isEqualTo(1);
        assertThat(dsl.fetchCount(
                        SHOP_ACCESS_TOKEN,
                        SHOP_ACCESS_TOKEN.SHOP_ID.eq(shop.id().value())))
                .isZero();
    }

    @Test
    void aCustomerRedactErasesTheirPersonalDataAndKeepsTheBooks() throws Exception {
        deliver("orders/paid", WebhookEdgeTest.fixture("orders/paid"));
        drainUntilSettled();
        assertThat(customer(FIXTURE_CUSTOMER).getEmail()).isNotNull();

        deliver("customers/redact", forFixtureCustomer("customers/redact"), COMPLIANCE);
        drainUntilSettled();

        assertThat(row("customers/redact").getStatus()).isEqualTo("DONE");
        CustomerRecord c = customer(FIXTURE_CUSTOMER);
        assertThat(c.getEmail()).isNull();
        assertThat(c.getFirstName()).isNull();
        assertThat(c.getLastName()).isNull();
        assertThat(loyalty.ledger(shop.id(), FIXTURE_CUSTOMER, 10))
                .extracting(LedgerEntry::kind)
                // Shopify's example order was paid in 2021: the shared context's release job may
                // already have released it, so the books are checked, not the points' bucket.
                .containsOnlyOnce(EntryKind.EARN)
                .doesNotContain(EntryKind.REVERSE);
        assertThat(new LedgerVerifier(dsl).verify(shop.id(), m -> {}).ok()).isTrue();
    }

    @Test
    void aCustomerRedactForACustomerWeNeverSawIsDone() throws Exception {
        deliver("customers/redact", WebhookEdgeTest.fixture("customers/redact"), COMPLIANCE);

        drainUntilSettled();

        assertThat(row("customers/redact").getStatus()).isEqualTo("DONE");
        assertThat(customer("191167").getEmail()).isNull();
    }

    @Test
    void aDataRequestStoresTheCustomersDataForTheMerchant() throws Exception {
        deliver("orders/paid", WebhookEdgeTest.fixture("orders/paid"));
        drainUntilSettled();

        deliver("customers/data_request", forFixtureCustomer("customers/data_request"), COMPLIANCE);
        drainUntilSettled();

        assertThat(row("customers/data_request").getStatus()).isEqualTo("DONE");
        DataExport export = privacy.findExport(shop.id(), "9999").orElseThrow();
        assertThat(export.customerExternalId()).isEqualTo(FIXTURE_CUSTOMER);
        assertThat(export.json()).contains("\"kind\": \"EARN\"").contains("\"orders\": [{");
    }

    @Test
    void aShopRedactErasesEveryRowOfTheShopAndNothingElse() throws Exception {
        String otherDomain = "worker-" + UUID.randomUUID().toString().substring(0, 8) + ".myshopify.com";
        Shop other = shops.register(new NewShop(Platform.SHOPIFY, otherDomain, "Stays", "USD", "America/New_York"));
        shops.updateSettings(other.id(), new ProgramSettings(14, false, 12, 12, true), "test");
        deliverTo(otherDomain, "orders/paid", WebhookEdgeTest.fixture("orders/paid"));
        deliver("orders/paid", WebhookEdgeTest.fixture("orders/paid"));
        deliver("customers/data_request", forFixtureCustomer("customers/data_request"), COMPLIANCE);
        drainUntilSettled();
        deliver("app/uninstalled", WebhookEdgeTest.fixture("app/uninstalled"));
        drainUntilSettled();
        Map<String, Integer> otherBefore = tenantRows(other.id());

        deliver("shop/redact", WebhookEdgeTest.fixture("shop/redact"), COMPLIANCE);
        drainUntilSettled();

        assertThat(tenantRows(shop.id()))
                .allSatisfy((table, rows) -> assertThat(rows).as(table).isZero());
        assertThat(dsl.selectFrom(WEBHOOK_INBOX)
                        .where(WEBHOOK_INBOX.SHOP_DOMAIN.eq(domain))
                        .fetch(r -> r.getTopic() + " " + r.getStatus()))
                .containsExactly("shop/redact DONE");
        assertThat(shops.getShop(shop.id()).name()).isEmpty();
        // Nothing of the other shop went (its points may have been released meanwhile: more rows).
        Map<String, Integer> otherAfter = tenantRows(other.id());
        otherBefore.forEach(
                (table, rows) -> assertThat(otherAfter.get(table)).as(table).isGreaterThanOrEqualTo(rows));
        assertThat(row(otherDomain, "orders/paid").getStatus()).isEqualTo("DONE");
        assertThat(new LedgerVerifier(dsl).verify(other.id(), m -> {}).ok()).isTrue();
    }

    @Test
    void aShopRedactForAShopNeverInstalledIsDoneWithNothingHeld() throws Exception {
        String stranger = "never-" + UUID.randomUUID().toString().substring(0, 8) + ".myshopify.com";
        deliverTo(stranger, "orders/paid", WebhookEdgeTest.fixture("orders/paid"));
        deliverTo(stranger, "shop/redact", WebhookEdgeTest.fixture("shop/redact"), COMPLIANCE);

        drainUntilSettled();

        assertThat(dsl.selectFrom(WEBHOOK_INBOX)
                        .where(WEBHOOK_INBOX.SHOP_DOMAIN.eq(stranger))
                        .fetch(r -> r.getTopic() + " " + r.getStatus() + " " + r.getLastError()))
                .containsExactly("shop/redact DONE nothing held: no shop " + stranger);
    }

    /** A compliance fixture about the customer of the order fixtures. */
    private static String forFixtureCustomer(String topic) throws IOException {
        return WebhookEdgeTest.fixture(topic).replace("191167", FIXTURE_CUSTOMER);
    }

    private CustomerRecord customer(String externalId) {
        return dsl.selectFrom(CUSTOMER)
                .where(CUSTOMER.SHOP_ID.eq(shop.id().value()))
                .and(CUSTOMER.EXTERNAL_ID.eq(externalId))
                .fetchSingle();
    }

    /** Rows of the shop in every table with a shop_id column, but the shop table itself. */
    /** Pending and available together: the release job may move them between runs. */
    private long points(ShopId s) {
        var balance = loyalty.balance(s, FIXTURE_CUSTOMER).orElseThrow();
        return balance.pending() + balance.available();
    }

    private Map<String, Integer> tenantRows(ShopId s) {
        Map<String, Integer> rows = new LinkedHashMap<>();
        for (Object table : dsl.fetchValues("select table_name from information_schema.columns"
                + " where table_schema = current_schema() and column_name = 'shop_id' and table_name <> 'shop'"
                + " order by table_name")) {
            rows.put(
                    String.valueOf(table),
                    dsl.fetchCount(dsl.selectFrom(String.valueOf(table)).where("shop_id = ?", s.value())));
        }
        return rows;
    }

    private void drainUntilSettled() {
        // Older tests' rows may be due too; a bounded number of rounds drains this test's.
        for (int round = 0; round < 20 && worker.drainOnce() > 0; round++) {}
    }

    private void deliver(String topic, String body) throws Exception {
        deliverTo(domain, topic, body, "/webhooks");
    }

    private void deliver(String topic, String body, String path) throws Exception {
        deliverTo(domain, topic, body, path);
    }

    private void deliverTo(String shopDomain, String topic, String body) throws Exception {
        deliverTo(shopDomain, topic, body, "/webhooks");
    }

    private void deliverTo(String shopDomain, String topic, String body, String path)
            throws IOException, InterruptedException {
        // Shopify dates every delivery; the compliance payloads have no time of their own.
        WebhookEdgeTest.Delivery delivery =
                WebhookEdgeTest.Delivery.of(shopDomain, topic, body).with(WebhookController.TRIGGERED_AT, TRIGGERED_AT);
        HttpRequest request = delivery.request(URI.create("http://localhost:" + port + path))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try (HttpClient http = HttpClient.newHttpClient()) {
            assertThat(http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode())
                    .isEqualTo(200);
        }
    }

    private WebhookInboxRecord row(String topic) {
        return row(domain, topic);
    }

    private WebhookInboxRecord row(String shopDomain, String topic) {
        return dsl.selectFrom(WEBHOOK_INBOX)
                .where(WEBHOOK_INBOX.SHOP_DOMAIN.eq(shopDomain))
                .and(WEBHOOK_INBOX.TOPIC.eq(topic))
                .fetchSingle();
    }
}
