package io.loyaltyloop.shopify.importing;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.loyaltyloop.db.Tables.ORDER_IMPORT;
import static io.loyaltyloop.shopify.admin.ShopifyAdminStub.data;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.loyaltyloop.BackendTest;
import io.loyaltyloop.db.tables.records.OrderImportRecord;
import io.loyaltyloop.shop.NewShop;
import io.loyaltyloop.shop.Platform;
import io.loyaltyloop.shop.Shop;
import io.loyaltyloop.shop.ShopService;
import io.loyaltyloop.shopify.admin.FakeAccessTokens;
import io.loyaltyloop.shopify.admin.RecordingSleeper;
import io.loyaltyloop.shopify.admin.ShopifyAdminClient;
import io.loyaltyloop.shopify.admin.ShopifyAdminProperties;
import io.loyaltyloop.shopify.admin.ShopifyAdminStub;
import io.loyaltyloop.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Starting the historical import after an install, against a WireMock Admin API. */
class OrderImportStarterTest extends BackendTest {

    private static final WireMockServer shopify =
            new WireMockServer(WireMockConfiguration.options().dynamicPort());

    static {
        shopify.start();
    }

    private static final String OPERATION = "gid://shopify/BulkOperation/720918";

    @Autowired
    ShopService shops;

    @Autowired
    DSLContext dsl;

    private final String domain = "start-" + UUID.randomUUID().toString().substring(0, 8) + ".myshopify.com";
    private final Instant now = Instant.parse("2026-11-02T10:00:00Z");
    private OrderImportRepository imports;
    private Shop shop;

    @AfterAll
    static void stop() {
        shopify.stop();
    }

    @BeforeEach
    void installedShopWithAPendingImport() {
        shop = shops.register(new NewShop(Platform.SHOPIFY, domain, "Starter test shop", "USD", "UTC"));
        imports = new OrderImportRepository(dsl);
        assertThat(imports.request(shop.id().value(), now)).isTrue();
    }

    @Test
    void aPendingImportStartsTheBulkQueryAndRecordsItsOperation() {
        answer(data("""
            {"bulkOperationRunQuery":{"bulkOperation":{"id":"%s","status":"CREATED",\
            "createdAt":"2026-11-02T10:00:00Z"},"userErrors":[]}}\
            """.formatted(OPERATION)));

        starter(12).startDue(1000);

        OrderImportRecord row = row();
        assertThat(row.getStatus()).isEqualTo("RUNNING");
        assertThat(row.getOperationId()).isEqualTo(OPERATION);
        assertThat(row.getStartedAt().toInstant()).isEqualTo(now);
        shopify.verify(postRequestedFor(urlPathEqualTo(endpoint())));
    }

    @Test
    void aShopCannotHaveTwoOpenImports() {
        assertThat(imports.request(shop.id().value(), now)).isFalse();

        assertThat(dsl.fetchCount(
                        ORDER_IMPORT, ORDER_IMPORT.SHOP_ID.eq(shop.id().value())))
                .isEqualTo(1);
    }

    @Test
    void anUnreachableShopifyLeavesTheImportPendingForALaterTry() {
        answer(ShopifyAdminStub.status(503));

        starter(12).startDue(1000);

        OrderImportRecord row = row();
        assertThat(row.getStatus()).isEqualTo("PENDING");
        assertThat(row.getAttempts()).isEqualTo(1);
        assertThat(row.getError()).contains("HTTP 503");
        assertThat(row.getNextAttemptAt().toInstant()).isEqualTo(now.plus(Duration.ofMinutes(1)));
    }

    @Test
    void aBulkQueryAlreadyRunningIsWaitedOut() {
        answer(data("""
            {"bulkOperationRunQuery":{"bulkOperation":null,"userErrors":[{"field":null,\
            "code":"OPERATION_IN_PROGRESS","message":"A bulk query operation for this app and shop is already in progress."}]}}\
            """));

        starter(12).startDue(1000);

        assertThat(row().getStatus()).isEqualTo("PENDING");
        assertThat(row().getError()).contains("OPERATION_IN_PROGRESS");
    }

    @Test
    void theLastFailedAttemptRecordsTheImportAsFailed() {
        answer(ShopifyAdminStub.status(503));

        starter(1).startDue(1000);

        assertThat(row().getStatus()).isEqualTo("FAILED");
        assertThat(row().getError()).startsWith("could not start:");
    }

    @Test
    void anImportOfAShopThatUninstalledMeanwhileIsCanceled() {
        shops.uninstall(shop.id(), now);

        starter(12).startDue(1000);

        assertThat(row().getStatus()).isEqualTo("CANCELED");
        assertThat(shopify.findAll(postRequestedFor(urlPathEqualTo(endpoint()))))
                .isEmpty();
    }

    private OrderImportStarter starter(int maxAttempts) {
        ShopifyAdminClient admin = new ShopifyAdminClient(
                ShopifyAdminProperties.defaults().withShopOrigin("http://localhost:" + shopify.port() + "/{shop}"),
                new FakeAccessTokens("shpat_start", "shpat_start"),
                new RecordingSleeper());
        var properties = new OrderImportProperties(
                Duration.ofMinutes(1), maxAttempts, 1000, Duration.ofSeconds(5), Duration.ofMinutes(5));
        return new OrderImportStarter(
                imports, new AdminBulkOrdersImport(admin), shops, properties, new MutableClock(now));
    }

    private void answer(ResponseDefinitionBuilder response) {
        shopify.stubFor(post(urlPathEqualTo(endpoint())).willReturn(response));
    }

    private String endpoint() {
        return "/" + domain + "/admin/api/2026-07/graphql.json";
    }

    private OrderImportRecord row() {
        return dsl.selectFrom(ORDER_IMPORT)
                .where(ORDER_IMPORT.SHOP_ID.eq(shop.id().value()))
                .fetchSingle();
    }
}
