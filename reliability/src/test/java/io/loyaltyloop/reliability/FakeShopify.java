package io.loyaltyloop.reliability;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import java.util.UUID;

/**
 * Shopify for the backends: the token endpoint of the install and the Admin GraphQL operations the
 * app sends, answered in Shopify's formats (as app-backend's tests stub them, from Shopify's
 * documentation of API version 2026-07). Shops are reached at {@code http://localhost:<port>/{shop}}.
 */
final class FakeShopify implements AutoCloseable {

    static final String API_KEY = "reliability-api-key";
    private static final String ANY_GRAPHQL = "/[a-z0-9.-]+/admin/api/2026-07/graphql.json";
    /** Shopify's cost extension on every GraphQL answer: a bucket far from empty. */
    static final String COST = """
        "extensions":{"cost":{"requestedQueryCost":10,"actualQueryCost":10,\
        "throttleStatus":{"maximumAvailable":2000.0,"currentlyAvailable":1990,"restoreRate":100.0}}}\
        """;

    final WireMockServer server;

    private FakeShopify(WireMockServer server) {
        this.server = server;
    }

    static FakeShopify start() {
        WireMockServer server = new WireMockServer(options().dynamicPort().containerThreads(40));
        server.start();
        FakeShopify shopify = new FakeShopify(server);
        shopify.answerNormally();
        return shopify;
    }

    /** How the backends reach a shop ({@code SHOPIFY_SHOP_ORIGIN_TEMPLATE}). */
    String originTemplate() {
        return "http://localhost:" + server.port() + "/{shop}";
    }

    /** Every operation succeeds (the state after an outage, too). */
    void answerNormally() {
        server.resetMappings();
        server.stubFor(
                post(urlPathMatching("/[a-z0-9.-]+/admin/oauth/access_token")).willReturn(okJson("""
                    {"access_token":"shpat_reliability","scope":"read_orders,write_discounts,write_customers",\
                    "expires_in":86400,"refresh_token":"shprt_reliability","refresh_token_expires_in":2592000}\
                    """)));
        server.stubFor(graphQl("AdminShopDetails").willReturn(data("""
            {"shop":{"name":"Reliability Goods","currencyCode":"USD","ianaTimezone":"America/New_York",\
            "email":"owner@reliability.example"}}\
            """)));
        server.stubFor(graphQl("AdminPointsBalanceSet").willReturn(data("""
            {"metafieldsSet":{"metafields":[],"userErrors":[]}}\
            """)));
        server.stubFor(graphQl("discountCodeBasicCreate").willReturn(discountCreated("discountCodeBasicCreate")));
        server.stubFor(graphQl("discountCodeFreeShippingCreate")
                .willReturn(discountCreated("discountCodeFreeShippingCreate")));
        server.stubFor(graphQl("AdminBulkOrdersImportRun").willReturn(data("""
            {"bulkOperationRunQuery":{"bulkOperation":{"id":"gid://shopify/BulkOperation/1","status":"CREATED",\
            "createdAt":"2026-11-23T00:00:00Z"},"userErrors":[]}}\
            """)));
        server.stubFor(graphQl("AdminCurrentBulkOperation").willReturn(data("""
            {"currentBulkOperation":{"id":"gid://shopify/BulkOperation/1","status":"RUNNING","errorCode":null,\
            "objectCount":"0","url":null,"partialDataUrl":null,"createdAt":"2026-11-23T00:00:00Z",\
            "completedAt":null}}\
            """)));
    }

    /** A discount code created: its node id (what the backend keeps as the host's discount id). */
    static ResponseDefinitionBuilder discountCreated(String mutation) {
        return data("""
            {"%s":{"codeDiscountNode":{"id":"gid://shopify/DiscountCodeNode/%s"},"userErrors":[]}}\
            """.formatted(mutation, Math.abs(UUID.randomUUID().getMostSignificantBits())));
    }

    /** A POST of the Admin GraphQL endpoint of any shop whose document contains {@code operation}. */
    static MappingBuilder graphQl(String operation) {
        return post(urlPathMatching(ANY_GRAPHQL)).withRequestBody(containing(operation));
    }

    static ResponseDefinitionBuilder data(String dataJson) {
        return okJson("{\"data\":" + dataJson + "," + COST + "}");
    }

    /** Shopify's REST-style 429: {@code Retry-After} in seconds. */
    static ResponseDefinitionBuilder tooManyRequests() {
        return aResponse()
                .withStatus(429)
                .withHeader("Content-Type", "application/json")
                .withHeader("Retry-After", "1.0")
                .withBody("{\"errors\":\"Exceeded 2 calls per second for api client. Reduce request rates to resume"
                        + " uninterrupted service.\"}");
    }

    /** GraphQL's throttle: HTTP 200, no data, the bucket's state in the cost extension. */
    static ResponseDefinitionBuilder throttled() {
        return okJson("""
            {"errors":[{"message":"Throttled","extensions":{"code":"THROTTLED",\
            "documentation":"https://shopify.dev/api/usage/rate-limits"}}],\
            "extensions":{"cost":{"requestedQueryCost":10,"actualQueryCost":null,\
            "throttleStatus":{"maximumAvailable":1000.0,"currentlyAvailable":0,"restoreRate":50.0}}}}\
            """);
    }

    /** Admin GraphQL calls of {@code shop} whose document contains {@code operation}. */
    int calls(String shop, String operation) {
        return server.findAll(postRequestedFor(urlPathEqualTo("/" + shop + "/admin/api/2026-07/graphql.json"))
                        .withRequestBody(containing(operation)))
                .size();
    }

    @Override
    public void close() {
        server.stop();
    }
}
