package io.loyaltyloop.shopify.admin;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.loyaltyloop.shopify.admin.ShopifyAdminStub.ENDPOINT;
import static io.loyaltyloop.shopify.admin.ShopifyAdminStub.SHOP;
import static io.loyaltyloop.shopify.admin.ShopifyAdminStub.data;
import static io.loyaltyloop.shopify.admin.ShopifyAdminStub.status;
import static io.loyaltyloop.shopify.admin.ShopifyAdminStub.throttled;
import static io.loyaltyloop.shopify.admin.ShopifyAdminStub.unauthorized;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The Admin client against a stub that answers like Shopify: what it retries, waits and surfaces. */
class ShopifyAdminClientTest {

    private static final String BALANCE_SET = """
        {"metafieldsSet":{"metafields":[{"id":"gid://shopify/Metafield/1069229008","namespace":"app--1234",\
        "key":"points","value":"120"}],"userErrors":[]}}\
        """;

    private static final Map<String, Object> BALANCE_VARIABLES = Map.of(
            "metafields",
            java.util.List.of(Map.of(
                    "ownerId", "gid://shopify/Customer/624407574",
                    "namespace", "$app",
                    "key", "points",
                    "type", "number_integer",
                    "value", "120")));

    private final ShopifyAdminStub shopify = new ShopifyAdminStub();
    private final FakeAccessTokens tokens = new FakeAccessTokens("shpat_old", "shpat_new");
    private final RecordingSleeper sleeper = new RecordingSleeper();
    private final ShopifyAdminClient client = new ShopifyAdminClient(
            ShopifyAdminProperties.defaults().withShopOrigin(shopify.shopOrigin()), tokens, sleeper);

    @AfterEach
    void stopStub() {
        shopify.close();
    }

    @Test
    void postsTheDocumentWithTheShopsTokenToTheVersionedEndpointAndReturnsThePayload() {
        shopify.always(data(BALANCE_SET));

        Map<String, Object> payload = setBalance();

        assertThat(payload).containsKey("metafields");
        shopify.server.verify(postRequestedFor(urlPathEqualTo(ENDPOINT))
                .withHeader("X-Shopify-Access-Token", equalTo("shpat_old"))
                .withRequestBody(matchingJsonPath("$.operationName", equalTo("AdminPointsBalanceSet")))
                .withRequestBody(matchingJsonPath("$.variables.metafields[0].value", equalTo("120")))
                .withRequestBody(matchingJsonPath("$.query", containing("metafieldsSet"))));
        assertThat(sleeper.waits).isEmpty();
    }

    @Test
    void waitsForTheMissingQueryCostWhenThrottledThenRetries() {
        shopify.inOrder(throttled(752, 2, 50.0), data(BALANCE_SET));

        setBalance();

        // (752 requested - 2 available) / 50 points per second
        assertThat(sleeper.waits).containsExactly(Duration.ofSeconds(15));
        assertThat(shopify.server.getAllServeEvents()).hasSize(2);
    }

    @Test
    void boundsTheThrottleWaitByTheLongestWaitAllowed() {
        shopify.inOrder(throttled(1000, 0, 10.0), data(BALANCE_SET));

        setBalance();

        assertThat(sleeper.waits).containsExactly(Duration.ofSeconds(30));
    }

    @Test
    void honoursRetryAfterOn429ThenRetries() {
        shopify.inOrder(status(429).withHeader("Retry-After", "2.0"), data(BALANCE_SET));

        setBalance();

        assertThat(sleeper.waits).containsExactly(Duration.ofSeconds(2));
    }

    @Test
    void waitsOneSecondOn503WithoutRetryAfter() {
        shopify.inOrder(status(503), data(BALANCE_SET));

        setBalance();

        assertThat(sleeper.waits).containsExactly(Duration.ofSeconds(1));
    }

    @Test
    void retriesAfterAConnectionResetWithBackoff() {
        shopify.inOrder(
                com.github.tomakehurst.wiremock.client.WireMock.aResponse()
                        .withFault(com.github.tomakehurst.wiremock.http.Fault.CONNECTION_RESET_BY_PEER),
                data(BALANCE_SET));

        setBalance();

        assertThat(sleeper.waits).containsExactly(Duration.ofSeconds(1));
    }

    @Test
    void failsAtOnceOnAClientErrorItCannotFix() {
        shopify.always(status(402));

        assertThatThrownBy(this::setBalance)
                .isInstanceOf(ShopifyAdminException.class)
                .isNotInstanceOf(AdminUnavailableException.class)
                .hasMessageContaining("HTTP 402");
        assertThat(shopify.server.getAllServeEvents()).hasSize(1);
    }

    @Test
    void refreshesTheTokenOnceOn401AndRetriesWithTheNewOne() {
        shopify.server.stubFor(post(urlPathEqualTo(ENDPOINT))
                .withHeader("X-Shopify-Access-Token", equalTo("shpat_old"))
                .willReturn(unauthorized()));
        shopify.server.stubFor(post(urlPathEqualTo(ENDPOINT))
                .withHeader("X-Shopify-Access-Token", equalTo("shpat_new"))
                .willReturn(data(BALANCE_SET)));

        setBalance();
        setBalance();

        assertThat(tokens.refreshes).hasValue(1);
        assertThat(tokens.rejected).containsExactly("shpat_old");
        assertThat(sleeper.waits).isEmpty();
        shopify.server.verify(
                2,
                postRequestedFor(urlPathEqualTo(ENDPOINT)).withHeader("X-Shopify-Access-Token", equalTo("shpat_new")));
    }

    @Test
    void givesUpWhenTheRefreshedTokenIsRefusedToo() {
        shopify.always(unauthorized());

        assertThatThrownBy(this::setBalance)
                .isInstanceOf(ShopifyAdminException.class)
                .hasMessageContaining("HTTP 401")
                .hasMessageContaining("Invalid API key or access token");
        assertThat(tokens.refreshes).hasValue(1);
        assertThat(shopify.server.getAllServeEvents()).hasSize(2);
    }

    @Test
    void givesUpOnPersistent5xxAfterTheConfiguredAttemptsBackingOffBetween() {
        shopify.always(status(500));

        assertThatThrownBy(this::setBalance)
                .isInstanceOf(AdminUnavailableException.class)
                .hasMessageContaining("AdminPointsBalanceSet on " + SHOP + " gave up after 5 attempt(s)")
                .hasMessageContaining("HTTP 500")
                .satisfies(e ->
                        assertThat(((AdminUnavailableException) e).attempts()).isEqualTo(5));
        assertThat(shopify.server.getAllServeEvents()).hasSize(5);
        assertThat(sleeper.waits)
                .containsExactly(
                        Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(8));
    }

    @Test
    void surfacesUserErrorsAsTypedErrors() {
        shopify.always(data("""
            {"metafieldsSet":{"metafields":[],"userErrors":[{"field":["metafields","0","value"],\
            "code":"INVALID_VALUE","message":"Value must be an integer.","elementIndex":0}]}}\
            """));

        assertThatThrownBy(this::setBalance)
                .isInstanceOfSatisfying(
                        AdminUserErrorsException.class,
                        e -> assertThat(e.userErrors())
                                .containsExactly(new AdminUserError(
                                        java.util.List.of("metafields", "0", "value"),
                                        "INVALID_VALUE",
                                        "Value must be an integer.")))
                .hasMessageContaining("INVALID_VALUE metafields.0.value: Value must be an integer.");
        assertThat(sleeper.waits).isEmpty();
    }

    @Test
    void surfacesGraphQlErrorsWithTheirMessagesWithoutRetrying() {
        shopify.always(okJsonErrors());

        assertThatThrownBy(this::setBalance)
                .isInstanceOfSatisfying(
                        AdminGraphQlErrorsException.class,
                        e -> assertThat(e.messages()).containsExactly("Access denied for metafieldsSet field."));
        assertThat(shopify.server.getAllServeEvents()).hasSize(1);
    }

    @Test
    void refusesAShopThatIsNotAMyshopifyDomain() {
        assertThatThrownBy(() -> client.execute("evil.example.com/x", AdminDocument.CURRENT_BULK_OPERATION, Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a myshopify.com domain");
        assertThat(shopify.server.getAllServeEvents()).isEmpty();
    }

    private Map<String, Object> setBalance() {
        return client.mutate(SHOP, AdminDocument.POINTS_BALANCE_SET, BALANCE_VARIABLES, "metafieldsSet");
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder okJsonErrors() {
        return com.github.tomakehurst.wiremock.client.WireMock.okJson("""
            {"errors":[{"message":"Access denied for metafieldsSet field.","locations":[{"line":2,"column":3}],\
            "path":["metafieldsSet"],"extensions":{"code":"ACCESS_DENIED",\
            "documentation":"https://shopify.dev/api/usage/access-scopes"}}],"data":{"metafieldsSet":null},%s}\
            """.formatted(ShopifyAdminStub.COST));
    }
}
