package io.loyaltyloop.shopify.admin;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.ScenarioMappingBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.Scenario;

/**
 * A local stand-in for one shop's Admin GraphQL endpoint, answering in Shopify's shapes. Sequences
 * of answers (throttled, then fine) are WireMock scenarios: each answer moves to the next state.
 */
public final class ShopifyAdminStub implements AutoCloseable {

    public static final String SHOP = "loop-test.myshopify.com";
    public static final String ENDPOINT = "/" + SHOP + "/admin/api/2026-07/graphql.json";

    /** The stub answers for every shop: tests with database shops use their generated domains. */
    public static final String ANY_SHOP_ENDPOINT = "/[a-z0-9.-]+/admin/api/2026-07/graphql.json";

    public final WireMockServer server =
            new WireMockServer(WireMockConfiguration.options().dynamicPort());

    public ShopifyAdminStub() {
        server.start();
    }

    /** A client for this stub's shop with a fixed token, that never really waits. */
    public ShopifyAdminClient client() {
        return new ShopifyAdminClient(
                ShopifyAdminProperties.defaults().withShopOrigin(shopOrigin()),
                new FakeAccessTokens("shpat_token", "shpat_token"),
                new RecordingSleeper());
    }

    /** The origin template that sends {@code {shop}} to this stub. */
    public String shopOrigin() {
        return "http://localhost:" + server.port() + "/{shop}";
    }

    /** Every call gets this answer, whatever was asked. */
    public void always(ResponseDefinitionBuilder response) {
        server.stubFor(post(urlPathMatching(ANY_SHOP_ENDPOINT)).willReturn(response));
    }

    /** The calls get these answers in order; the last one repeats. Once per test. */
    public void inOrder(ResponseDefinitionBuilder... responses) {
        for (int i = 0; i < responses.length; i++) {
            ScenarioMappingBuilder mapping = post(urlPathMatching(ANY_SHOP_ENDPOINT))
                    .inScenario("calls")
                    .whenScenarioStateIs(i == 0 ? Scenario.STARTED : "answer-" + i);
            if (i < responses.length - 1) {
                mapping = mapping.willSetStateTo("answer-" + (i + 1));
            }
            server.stubFor(mapping.willReturn(responses[i]));
        }
    }

    public static ResponseDefinitionBuilder data(String dataJson) {
        return okJson("{\"data\":" + dataJson + "," + COST + "}");
    }

    /** Shopify's answer when the bucket lacks the requested cost: HTTP 200, no data. */
    public static ResponseDefinitionBuilder throttled(int requested, int available, double restoreRate) {
        return okJson("""
            {"errors":[{"message":"Throttled","extensions":{"code":"THROTTLED",\
            "documentation":"https://shopify.dev/api/usage/rate-limits"}}],\
            "extensions":{"cost":{"requestedQueryCost":%d,"actualQueryCost":null,\
            "throttleStatus":{"maximumAvailable":1000.0,"currentlyAvailable":%d,"restoreRate":%s}}}}\
            """.formatted(requested, available, restoreRate));
    }

    public static ResponseDefinitionBuilder status(int status) {
        return aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"errors\":\"" + status + "\"}");
    }

    /** Shopify's answer to a wrong or revoked token. */
    public static ResponseDefinitionBuilder unauthorized() {
        return aResponse()
                .withStatus(401)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"errors\":\"[API] Invalid API key or access token (unrecognized login or wrong"
                        + " password)\"}");
    }

    public static final String COST = """
        "extensions":{"cost":{"requestedQueryCost":10,"actualQueryCost":10,\
        "throttleStatus":{"maximumAvailable":2000.0,"currentlyAvailable":1990,"restoreRate":100.0}}}\
        """;

    @Override
    public void close() {
        server.stop();
    }
}
