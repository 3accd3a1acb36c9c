package io.loyaltyloop.demo;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

/**
 * A simulated Shopify dev store: WireMock answering, in Shopify's 2026-07 shapes, the Admin calls
 * the backend makes (token exchange, shop details, reward discount codes, the points metafield, the
 * historical import's bulk operation), and keeping every request for {@code /__admin/requests}.
 */
public final class ShopifyDevStore implements AutoCloseable {

    public static final String SHOP = "loop-demo.myshopify.com";
    static final String API_VERSION = "2026-07";
    private static final String GRAPHQL = "/[a-z0-9.-]+/admin/api/" + API_VERSION + "/graphql.json";

    private static final String COST = """
        "extensions":{"cost":{"requestedQueryCost":10,"actualQueryCost":10,\
        "throttleStatus":{"maximumAvailable":2000.0,"currentlyAvailable":1990,"restoreRate":100.0}}}\
        """;

    private final WireMockServer server;

    public ShopifyDevStore(int port) {
        server = new WireMockServer(WireMockConfiguration.options()
                .port(port)
                .bindAddress("127.0.0.1")
                .maxRequestJournalEntries(5_000)
                .globalTemplating(true));
        server.start();
        stubTokens();
        stubAdminGraphQl();
    }

    /** The origin template that sends every shop to this store. */
    public String shopOrigin() {
        return "http://localhost:" + server.port() + "/{shop}";
    }

    public String requestLogUrl() {
        return "http://localhost:" + server.port() + "/__admin/requests";
    }

    /** How many Admin GraphQL calls of this operation the backend made. */
    public int calls(String operationName) {
        return server.findAll(postRequestedFor(urlPathMatching(GRAPHQL))
                        .withRequestBody(matchingJsonPath("$.operationName", equalTo(operationName))))
                .size();
    }

    private void stubTokens() {
        // Expiring offline tokens, as the app asks for; long-lived, so the accelerated clock does
        // not make the backend refresh them every few real seconds (refreshes are answered too).
        server.stubFor(
                post(urlPathMatching("/[a-z0-9.-]+/admin/oauth/access_token")).willReturn(okJson("""
                    {"access_token":"shpat_demo{{randomValue length=24 type='ALPHANUMERIC'}}",\
                    "scope":"read_orders,read_customers,write_discounts,write_customers",\
                    "expires_in":31536000,\
                    "refresh_token":"shprt_demo{{randomValue length=24 type='ALPHANUMERIC'}}",\
                    "refresh_token_expires_in":315360000}\
                    """)));
    }

    private void stubAdminGraphQl() {
        operation("AdminShopDetails", """
            {"shop":{"name":"Loop Demo Store","currencyCode":"USD","ianaTimezone":"America/New_York",\
            "email":"owner@loop-demo.example"}}\
            """);
        String created = """
            {"codeDiscountNode":{"id":"gid://shopify/DiscountCodeNode/{{randomValue length=12 type='NUMERIC'}}"},\
            "userErrors":[]}\
            """;
        operation("AdminDiscountFixedAmountCreate", "{\"discountCodeBasicCreate\":" + created + "}");
        operation("AdminDiscountPercentageCreate", "{\"discountCodeBasicCreate\":" + created + "}");
        operation("AdminDiscountFreeShippingCreate", "{\"discountCodeFreeShippingCreate\":" + created + "}");
        operation("AdminDiscountCodeLookup", "{\"codeDiscountNodeByCode\":null}");
        // The metafields written are not echoed back: the backend reads only userErrors.
        operation("AdminPointsBalanceSet", "{\"metafieldsSet\":{\"metafields\":[],\"userErrors\":[]}}");
        // The historical import: a new dev store has no orders, so the bulk query completes empty.
        operation("AdminCurrentBulkOperation", "{\"currentBulkOperation\":null}");
        operation("AdminBulkOrdersImportRun", """
            {"bulkOperationRunQuery":{"bulkOperation":{"id":"gid://shopify/BulkOperation/1001",\
            "status":"CREATED","createdAt":"2026-11-01T00:00:00Z"},"userErrors":[]}}\
            """);
        operation("AdminBulkOperationStatus", """
            {"node":{"id":"gid://shopify/BulkOperation/1001","status":"COMPLETED","errorCode":null,\
            "objectCount":"0","rootObjectCount":"0","fileSize":null,"url":null,"partialDataUrl":null,\
            "createdAt":"2026-11-01T00:00:00Z","completedAt":"2026-11-01T00:00:01Z"}}\
            """);
    }

    private void operation(String operationName, String dataJson) {
        server.stubFor(post(urlPathMatching(GRAPHQL))
                .withRequestBody(matchingJsonPath("$.operationName", equalTo(operationName)))
                .willReturn(okJson("{\"data\":" + dataJson + "," + COST + "}")));
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder okJson(String body) {
        return aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody(body);
    }

    /** Calls to the token endpoint, for the install check. */
    int tokenExchanges() {
        return server.findAll(postRequestedFor(urlPathEqualTo("/" + SHOP + "/admin/oauth/access_token")))
                .size();
    }

    @Override
    public void close() {
        server.stop();
    }
}
