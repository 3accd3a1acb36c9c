package io.loyaltyloop.shopify;

import static io.loyaltyloop.db.Tables.WEBHOOK_INBOX;
import static org.assertj.core.api.Assertions.assertThat;

import io.loyaltyloop.BackendTest;
import io.loyaltyloop.db.tables.records.WebhookInboxRecord;
import io.loyaltyloop.loyalty.EntryKind;
import io.loyaltyloop.loyalty.LedgerEntry;
import io.loyaltyloop.loyalty.LedgerVerifier;
import io.loyaltyloop.loyalty.LoyaltyService;
import io.loyaltyloop.shop.NewShop;
import io.loyaltyloop.shop.Platform;
import io.loyaltyloop.shop.ProgramSettings;
import io.loyaltyloop.shop.Shop;
import io.loyaltyloop.shop.ShopService;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
                .containsExactly(EntryKind.EARN);
        assertThat(loyalty.balance(shop.id(), FIXTURE_CUSTOMER).orElseThrow().pending())
                .isPositive();
        assertThat(new LedgerVerifier(dsl).verify(shop.id(), m -> {}).ok()).isTrue();
    }

    @Test
    void theOrderAndItsPaymentOnTwoTopicsEarnOnce() throws Exception {
        deliver("orders/create", WebhookEdgeTest.fixture("orders/create"));
        deliver("orders/paid", WebhookEdgeTest.fixture("orders/paid"));

        drainUntilSettled();

        assertThat(loyalty.ledger(shop.id(), FIXTURE_CUSTOMER, 10)).hasSize(1);
    }

    @Test
    void aRefundBeforeItsOrderEndsAsIfInOrder() throws Exception {
        deliver("refunds/create", WebhookEdgeTest.fixture("refunds/create"));
        drainUntilSettled();
        deliver("orders/paid", WebhookEdgeTest.fixture("orders/paid"));
        drainUntilSettled();

        long refundedFirst =
                loyalty.balance(shop.id(), FIXTURE_CUSTOMER).orElseThrow().pending();
        assertThat(row("refunds/create").getStatus()).isEqualTo("DONE");
        assertThat(new LedgerVerifier(dsl).verify(shop.id(), m -> {}).ok()).isTrue();

        String otherDomain = "worker-" + UUID.randomUUID().toString().substring(0, 8) + ".myshopify.com";
        Shop other = shops.register(new NewShop(Platform.SHOPIFY, otherDomain, "In order", "USD", "America/New_York"));
        shops.updateSettings(other.id(), new ProgramSettings(14, false, 12, 12, true), "test");
        deliverTo(otherDomain, "orders/paid", WebhookEdgeTest.fixture("orders/paid"));
        deliverTo(otherDomain, "refunds/create", WebhookEdgeTest.fixture("refunds/create"));
        drainUntilSettled();

        assertThat(loyalty.balance(other.id(), FIXTURE_CUSTOMER).orElseThrow().pending())
                .isEqualTo(refundedFirst);
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
    void aTopicWithoutAHandlerYetIsParkedNotDropped() throws Exception {
        deliver("shop/redact", WebhookEdgeTest.fixture("shop/redact"), "/webhooks/compliance");

        drainUntilSettled();

        assertThat(row("shop/redact").getStatus()).isEqualTo("PARKED");
        assertThat(row("shop/redact").getLastError()).isEqualTo("no handler for shop/redact yet");
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
        WebhookEdgeTest.Delivery delivery = WebhookEdgeTest.Delivery.of(shopDomain, topic, body);
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
