package io.loyaltyloop.shopify.importing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.loyaltyloop.db.Tables.FULFILLMENT;
import static io.loyaltyloop.db.Tables.ORDER_IMPORT;
import static io.loyaltyloop.db.Tables.SHOP;
import static io.loyaltyloop.db.Tables.WEBHOOK_INBOX;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.loyaltyloop.BackendTest;
import io.loyaltyloop.db.tables.records.FulfillmentRecord;
import io.loyaltyloop.db.tables.records.OrderImportRecord;
import io.loyaltyloop.db.tables.records.WebhookInboxRecord;
import io.loyaltyloop.journey.JourneyService;
import io.loyaltyloop.loyalty.LedgerVerifier;
import io.loyaltyloop.loyalty.LoyaltyService;
import io.loyaltyloop.privacy.PrivacyService;
import io.loyaltyloop.shop.NewShop;
import io.loyaltyloop.shop.Platform;
import io.loyaltyloop.shop.ProgramSettings;
import io.loyaltyloop.shop.Shop;
import io.loyaltyloop.shop.ShopService;
import io.loyaltyloop.shopify.admin.FakeAccessTokens;
import io.loyaltyloop.shopify.admin.RecordingSleeper;
import io.loyaltyloop.shopify.admin.ShopifyAdminClient;
import io.loyaltyloop.shopify.admin.ShopifyAdminProperties;
import io.loyaltyloop.shopify.admin.ShopifyAdminStub;
import io.loyaltyloop.shopify.auth.AccessTokenStore;
import io.loyaltyloop.shopify.webhook.InboxProperties;
import io.loyaltyloop.shopify.webhook.InboxRepository;
import io.loyaltyloop.shopify.webhook.InboxWorker;
import io.loyaltyloop.shopify.webhook.ShopLifecycleHandlers;
import io.loyaltyloop.shopify.webhook.WebhookController;
import io.loyaltyloop.shopify.webhook.WebhookEdgeTest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The historical import end to end: a signed {@code bulk_operations/finish} delivery through the
 * HTTP edge and the inbox to a worker whose handler asks a WireMock "Shopify" for the operation and
 * streams the JSONL result it serves into the ledger. The shared backend's Admin client has no
 * tokens, so the worker here is built on a client for the stub; everything else is the backend's.
 */
public class OrderImportTest extends BackendTest {

    private static final WireMockServer shopify =
            new WireMockServer(WireMockConfiguration.options().dynamicPort());

    static {
        shopify.start();
    }

    private static final String OPERATION = "gid://shopify/BulkOperation/147595010";
    private static final Instant INSTALLED_AT = Instant.parse("2026-06-01T00:00:00Z");
    private static final String AFTER_INSTALL = "501";
    private static final String BEFORE_INSTALL = "502";
    private static final String CANCELLED = "503";
    private static final int OBJECTS = 10;

    @LocalServerPort
    int port;

    @Autowired
    ShopService shops;

    @Autowired
    LoyaltyService loyalty;

    @Autowired
    PrivacyService privacy;

    @Autowired
    JourneyService journeys;

    @Autowired
    InboxRepository inbox;

    @Autowired
    InboxProperties inboxProperties;

    @Autowired
    AccessTokenStore tokens;

    @Autowired
    DSLContext dsl;

    @Autowired
    Clock clock;

    private final String domain = "import-" + UUID.randomUUID().toString().substring(0, 8) + ".myshopify.com";
    private OrderImportRepository imports;
    private InboxWorker worker;
    private Shop shop;

    @AfterAll
    static void stop() {
        shopify.stop();
    }

    @BeforeEach
    void installedShopWithARunningImport() {
        shop = shops.register(new NewShop(Platform.SHOPIFY, domain, "Import test shop", "USD", "UTC"));
        dsl.update(SHOP)
                .set(SHOP.INSTALLED_AT, INSTALLED_AT.atOffset(ZoneOffset.UTC))
                .where(SHOP.SHOP_ID.eq(shop.id().value()))
                .execute();
        shop = shops.getShop(shop.id());
        imports = new OrderImportRepository(dsl);
        imports.request(shop.id().value(), clock.instant());
        imports.started(
                imports.dueStarts(Instant.parse("2100-01-01T00:00:00Z"), 1000).stream()
                        .filter(r -> r.getShopId() == shop.id().value())
                        .findFirst()
                        .orElseThrow(),
                OPERATION,
                clock.instant());
        ShopifyAdminClient admin = new ShopifyAdminClient(
                ShopifyAdminProperties.defaults().withShopOrigin("http://localhost:" + shopify.port() + "/{shop}"),
                new FakeAccessTokens("shpat_import", "shpat_import"),
                new RecordingSleeper());
        OrderImportFinisher finisher = new OrderImportFinisher(
                imports,
                new AdminBulkOrdersImport(admin),
                // Small batches, so a file spans several of them.
                new OrderImportReader(loyalty, imports, 3, Duration.ofMinutes(5), clock),
                OrderImportProperties.defaults(),
                clock);
        worker = new InboxWorker(
                inbox,
                shops,
                loyalty,
                new ShopLifecycleHandlers(shops, privacy, inbox, tokens, finisher, journeys, clock),
                inboxProperties,
                clock);
    }

    @Test
    void ordersBeforeTheInstallEarnNothingByDefault() throws Exception {
        serve("orders.jsonl", file("orders.jsonl"), OBJECTS);

        finish();

        assertThat(row("bulk_operations/finish").getStatus()).isEqualTo("DONE");
        OrderImportRecord done = importRow();
        assertThat(done.getStatus()).isEqualTo("COMPLETED");
        assertThat(done.getFinishedAt()).isNotNull();
        assertThat(done.getOrdersRead()).isEqualTo(4);
        // 1000: placed + paid; 1001: placed, paid, refund, fulfillment; 1002: placed, paid, cancelled; 1003: placed.
        assertThat(done.getEventsApplied()).isEqualTo(10);
        assertThat(done.getEventsRejected()).isZero();
        assertThat(done.getEventsSkipped()).isZero();
        // 2 × 30 − 10 = 50 earns (the gift card never does), less the refunded tee's 25.
        assertThat(points(AFTER_INSTALL)).isEqualTo(25);
        assertThat(points(BEFORE_INSTALL)).isZero();
        assertThat(points(CANCELLED)).isZero();
        FulfillmentRecord fulfillment = dsl.selectFrom(FULFILLMENT)
                .where(FULFILLMENT.SHOP_ID.eq(shop.id().value()))
                .fetchSingle();
        assertThat(fulfillment.getExternalFulfillmentId()).isEqualTo("7001");
        assertThat(fulfillment.getTrackingNumber()).isEqualTo("1Z999AA10123456784");
        assertThat(new LedgerVerifier(dsl).verify(shop.id(), m -> {}).ok()).isTrue();
    }

    @Test
    void ordersBeforeTheInstallEarnWhenTheMerchantAwardsPriorOrders() throws Exception {
        shops.updateSettings(shop.id(), new ProgramSettings(14, false, 12, 12, true), "test");
        serve("orders.jsonl", file("orders.jsonl"), OBJECTS);

        finish();

        assertThat(points(BEFORE_INSTALL)).isEqualTo(40);
        assertThat(points(AFTER_INSTALL)).isEqualTo(25);
    }

    @Test
    void readingTheSameFileAgainChangesNothing() throws Exception {
        serve("orders.jsonl", file("orders.jsonl"), OBJECTS);
        finish();
        long before = points(AFTER_INSTALL);
        int ledgerRows = ledgerRows();
        // As if the worker died after applying, before it recorded the import as completed.
        dsl.update(ORDER_IMPORT)
                .set(ORDER_IMPORT.STATUS, "RUNNING")
                .where(ORDER_IMPORT.SHOP_ID.eq(shop.id().value()))
                .execute();

        finish();

        OrderImportRecord again = importRow();
        assertThat(again.getStatus()).isEqualTo("COMPLETED");
        assertThat(again.getEventsApplied()).isZero();
        assertThat(again.getEventsSkipped()).isEqualTo(10);
        assertThat(points(AFTER_INSTALL)).isEqualTo(before);
        assertThat(ledgerRows()).isEqualTo(ledgerRows);
    }

    @Test
    void aFinishDeliveredTwiceForACompletedImportReadsNothing() throws Exception {
        serve("orders.jsonl", file("orders.jsonl"), OBJECTS);
        finish();
        shopify.resetRequests();

        finish();

        assertThat(shopify.getAllServeEvents()).isEmpty();
        assertThat(importRow().getEventsApplied()).isEqualTo(10);
    }

    @Test
    void aMalformedLineIsRejectedAndTheOtherOrdersApplied() throws Exception {
        // An order whose line was cut, and its child: one rejected order, the others applied.
        String broken = file("orders.jsonl")
                + "{\"id\":\"gid://shopify/Order/1004\",\"name\":\"#1004\",\"createdAt\":\n"
                + "{\"id\":\"gid://shopify/LineItem/2005\",\"quantity\":1,\"__parentId\":\"gid://shopify/Order/1004\"}\n";
        serve("broken.jsonl", broken, OBJECTS + 2);

        finish();

        OrderImportRecord done = importRow();
        assertThat(done.getStatus()).isEqualTo("COMPLETED");
        assertThat(done.getOrdersRead()).isEqualTo(5);
        assertThat(done.getEventsRejected()).isEqualTo(1);
        assertThat(done.getEventsApplied()).isEqualTo(10);
        assertThat(points(AFTER_INSTALL)).isEqualTo(25);
    }

    @Test
    void aTruncatedFileIsReadAgainLaterAndThenCompletes() throws Exception {
        String whole = file("orders.jsonl");
        String firstHalf = whole.lines().limit(4).map(l -> l + "\n").reduce("", String::concat);
        serve("orders.jsonl", firstHalf, OBJECTS);

        finish();

        WebhookInboxRecord delivery = row("bulk_operations/finish");
        assertThat(delivery.getStatus()).isEqualTo("PENDING");
        assertThat(delivery.getLastError()).contains("the file ended after 4 of 10 objects");
        OrderImportRecord open = importRow();
        assertThat(open.getStatus()).isEqualTo("RUNNING");
        assertThat(open.getError()).contains("will read it again");
        assertThat(open.getReadingUntil())
                .as("the file is let go for the next attempt")
                .isNull();

        serve("orders.jsonl", whole, OBJECTS);
        dsl.update(WEBHOOK_INBOX)
                .set(
                        WEBHOOK_INBOX.NEXT_ATTEMPT_AT,
                        OffsetDateTime.now(ZoneOffset.UTC).minusDays(365))
                .where(WEBHOOK_INBOX.SHOP_DOMAIN.eq(domain))
                .execute();
        drain();

        OrderImportRecord done = importRow();
        assertThat(done.getStatus()).isEqualTo("COMPLETED");
        assertThat(done.getError()).isNull();
        assertThat(done.getEventsApplied() + done.getEventsSkipped()).isEqualTo(10);
        assertThat(points(AFTER_INSTALL)).isEqualTo(25);
    }

    @Test
    void aFileAnotherWorkerIsReadingIsLeftToIt() throws Exception {
        serve("orders.jsonl", file("orders.jsonl"), OBJECTS);
        dsl.update(ORDER_IMPORT)
                .set(
                        ORDER_IMPORT.READING_UNTIL,
                        clock.instant().plus(Duration.ofMinutes(3)).atOffset(ZoneOffset.UTC))
                .where(ORDER_IMPORT.SHOP_ID.eq(shop.id().value()))
                .execute();

        finish();

        assertThat(row("bulk_operations/finish").getStatus()).isEqualTo("PENDING");
        assertThat(row("bulk_operations/finish").getLastError()).contains("being read by another worker");
        assertThat(importRow().getStatus()).isEqualTo("RUNNING");
        assertThat(points(AFTER_INSTALL)).isZero();
    }

    @Test
    void aFailedOperationIsRecordedWithShopifysErrorCode() throws Exception {
        stubStatus("""
            {"id":"%s","status":"FAILED","errorCode":"TIMEOUT","objectCount":"0","url":null,"partialDataUrl":null}\
            """.formatted(OPERATION));

        finish();

        assertThat(row("bulk_operations/finish").getStatus()).isEqualTo("DONE");
        OrderImportRecord failed = importRow();
        assertThat(failed.getStatus()).isEqualTo("FAILED");
        assertThat(failed.getError()).isEqualTo("FAILED TIMEOUT");
        assertThat(failed.getFinishedAt()).isNotNull();
    }

    @Test
    void aCanceledOperationIsRecordedAsCanceled() throws Exception {
        stubStatus("""
            {"id":"%s","status":"CANCELED","errorCode":null,"objectCount":"0","url":null,"partialDataUrl":null}\
            """.formatted(OPERATION));

        finish();

        assertThat(importRow().getStatus()).isEqualTo("CANCELED");
    }

    @Test
    void aShopWithoutOrdersGetsNoFileAndCompletes() throws Exception {
        stubStatus("""
            {"id":"%s","status":"COMPLETED","errorCode":null,"objectCount":"0","url":null,"partialDataUrl":null}\
            """.formatted(OPERATION));

        finish();

        assertThat(importRow().getStatus()).isEqualTo("COMPLETED");
        assertThat(importRow().getOrdersRead()).isZero();
    }

    private void serve(String name, String body, int objectCount) {
        String path = "/files/" + domain + "/" + name;
        shopify.stubFor(get(urlPathEqualTo(path))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/jsonl")
                        .withBody(body)));
        stubStatus("""
            {"id":"%s","status":"COMPLETED","errorCode":null,"objectCount":"%d","rootObjectCount":"4",\
            "fileSize":"%d","url":"http://localhost:%d%s","partialDataUrl":null,\
            "createdAt":"2026-11-01T00:00:00Z","completedAt":"2026-11-01T00:05:00Z"}\
            """.formatted(OPERATION, objectCount, body.length(), shopify.port(), path));
    }

    private void stubStatus(String operationJson) {
        shopify.stubFor(post(urlPathEqualTo("/" + domain + "/admin/api/2026-07/graphql.json"))
                .willReturn(okJson("{\"data\":{\"node\":" + operationJson + "}," + ShopifyAdminStub.COST + "}")));
    }

    /** Shopify's bulk_operations/finish example, for this shop's operation, through the edge and worker. */
    private void finish() throws IOException, InterruptedException {
        String body = WebhookEdgeTest.fixture("bulk_operations/finish");
        WebhookEdgeTest.Delivery delivery = WebhookEdgeTest.Delivery.of(domain, "bulk_operations/finish", body)
                .with(WebhookController.TRIGGERED_AT, "2026-11-01T12:00:00.000Z");
        HttpRequest request = delivery.request(URI.create("http://localhost:" + port + "/webhooks"))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try (HttpClient http = HttpClient.newHttpClient()) {
            assertThat(http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode())
                    .isEqualTo(200);
        }
        drain();
    }

    private void drain() {
        // Older tests' rows may be due too; a bounded number of rounds drains this test's.
        for (int round = 0; round < 20 && worker.drainOnce() > 0; round++) {}
    }

    private long points(String customer) {
        return loyalty.balance(shop.id(), customer)
                .map(b -> b.pending() + b.available())
                .orElse(0L);
    }

    /**
     * The shop's ledger entries that orders write. RELEASE entries are left out: the release job runs
     * every second against the suite's shared clock, so one may land between two counts without any
     * import doing anything (it only moves points from pending to available).
     */
    private int ledgerRows() {
        return dsl.fetchCount(dsl.selectFrom("points_ledger")
                .where("shop_id = ? and kind <> 'RELEASE'", shop.id().value()));
    }

    private OrderImportRecord importRow() {
        return dsl.selectFrom(ORDER_IMPORT)
                .where(ORDER_IMPORT.SHOP_ID.eq(shop.id().value()))
                .fetchSingle();
    }

    private WebhookInboxRecord row(String topic) {
        return dsl.selectFrom(WEBHOOK_INBOX)
                .where(WEBHOOK_INBOX.SHOP_DOMAIN.eq(domain))
                .and(WEBHOOK_INBOX.TOPIC.eq(topic))
                .orderBy(WEBHOOK_INBOX.RECEIVED_AT.desc())
                .limit(1)
                .fetchSingle();
    }

    public static String file(String name) {
        try (InputStream in = OrderImportTest.class.getResourceAsStream("/shopify/bulk/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
