package io.loyaltyloop.shopify.auth;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.loyaltyloop.db.Tables.ORDER_IMPORT;
import static io.loyaltyloop.db.Tables.SHOP_ACCESS_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.loyaltyloop.BackendTest;
import io.loyaltyloop.shop.Platform;
import io.loyaltyloop.shop.Shop;
import io.loyaltyloop.shop.ShopService;
import io.loyaltyloop.shopify.ShopifyProperties;
import io.loyaltyloop.system.AccessTokenCipher;
import io.loyaltyloop.testing.MutableClock;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Currency;
import java.util.Date;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

/**
 * {@code GET /shopify/session}: the embedded admin's first load. The controller runs against the
 * shared database with a stub for Shopify (token endpoint and Admin GraphQL) and a token key of its
 * own; the shared backend, which has no token key, shows what an unconfigured install answers.
 */
class SessionEndpointTest extends BackendTest {

    private static final WireMockServer shopify = started();
    private static final StubbedInstall install = new StubbedInstall(shopify, SHOPIFY_SECRET, SHOPIFY_PREVIOUS_SECRET);
    private static final String ORIGIN = install.origin;

    @Autowired
    DSLContext dsl;

    @Autowired
    ShopService shops;

    @Autowired
    Clock backendClock;

    @LocalServerPort
    int port;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-01T12:00:00Z"));
    private final AccessTokenCipher cipher = install.cipher;
    private final String shop = "install-" + UUID.randomUUID().toString().substring(0, 8) + ".myshopify.com";

    @AfterAll
    static void stop() {
        shopify.stop();
    }

    private MockMvc mvc() {
        return MockMvcBuilders.standaloneSetup(new SessionController(
                        install.properties(null, null), clock, install.installer(dsl, shops, clock)))
                .build();
    }

    @Test
    void firstLoadExchangesTheTokenRegistersTheShopAndStoresThePairEncrypted() throws Exception {
        String token = SessionTokens.token(SHOPIFY_SECRET, shop, clock.instant());
        stubExchange(token);
        stubShopDetails();

        mvc().perform(get("/shopify/session").header("Authorization", "Bearer " + token))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.shop").value(shop))
                .andExpect(jsonPath("$.installed").value(true));

        Shop registered = shops.findShop(Platform.SHOPIFY, shop).orElseThrow();
        assertThat(registered.name()).isEqualTo("Loop Test");
        assertThat(registered.currency()).isEqualTo(Currency.getInstance("EUR"));
        assertThat(registered.timezone()).isEqualTo(ZoneId.of("Europe/Berlin"));
        assertThat(shops.contactEmail(registered.id())).contains("owner@loop-test.example");
        var row = dsl.selectFrom(SHOP_ACCESS_TOKEN)
                .where(SHOP_ACCESS_TOKEN.SHOP_ID.eq(registered.id().value()))
                .fetchSingle();
        assertThat(new String(row.getAccessToken(), StandardCharsets.ISO_8859_1))
                .doesNotContain("shpat_issued");
        assertThat(cipher.decrypt(registered.id().value(), row.getAccessToken()))
                .isEqualTo("shpat_issued");
        assertThat(cipher.decrypt(registered.id().value(), row.getRefreshToken()))
                .isEqualTo("shprt_issued");
        assertThat(row.getAccessExpiresAt().toInstant())
                .isEqualTo(clock.instant().plusSeconds(3600));
        assertThat(row.getRefreshExpiresAt().toInstant())
                .isEqualTo(clock.instant().plus(Duration.ofDays(30)));
        shopify.verify(postRequestedFor(urlPathEqualTo(graphQl()))
                .withHeader("X-Shopify-Access-Token", equalTo("shpat_issued")));
        assertThat(dsl.selectFrom(ORDER_IMPORT)
                        .where(ORDER_IMPORT.SHOP_ID.eq(registered.id().value()))
                        .fetch(ORDER_IMPORT.STATUS))
                .containsExactly("PENDING");
    }

    @Test
    void laterLoadsOfAnInstalledShopCallShopifyNoMore() throws Exception {
        String token = SessionTokens.token(SHOPIFY_SECRET, shop, clock.instant());
        stubExchange(token);
        stubShopDetails();
        MockMvc mvc = mvc();
        mvc.perform(get("/shopify/session").header("Authorization", "Bearer " + token))
                .andExpect(status().isOk());

        clock.advance(Duration.ofMinutes(5));
        String later = SessionTokens.token(SHOPIFY_PREVIOUS_SECRET, shop, clock.instant());
        mvc.perform(get("/shopify/session").param("id_token", later))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.shop").value(shop));

        assertThat(shopify.findAll(postRequestedFor(urlPathEqualTo(tokenEndpoint()))))
                .hasSize(1);
        assertThat(shopify.findAll(postRequestedFor(urlPathEqualTo(graphQl())))).hasSize(1);
    }

    @Test
    void aLoadAfterAnUninstallExchangesAgainAndReactivatesTheShop() throws Exception {
        String token = SessionTokens.token(SHOPIFY_SECRET, shop, clock.instant());
        stubExchange(token);
        stubShopDetails();
        MockMvc mvc = mvc();
        mvc.perform(get("/shopify/session").header("Authorization", "Bearer " + token))
                .andExpect(status().isOk());
        Shop installed = shops.findShop(Platform.SHOPIFY, shop).orElseThrow();
        shops.uninstall(installed.id(), clock.instant());

        mvc.perform(get("/shopify/session").header("Authorization", "Bearer " + token))
                .andExpect(status().isOk());

        assertThat(shops.getShop(installed.id()).active()).isTrue();
        assertThat(shopify.findAll(postRequestedFor(urlPathEqualTo(tokenEndpoint()))))
                .hasSize(2);
    }

    @Test
    void theFirstDocumentLoadMayCarryTheTokenAsIdToken() throws Exception {
        String token = SessionTokens.token(SHOPIFY_SECRET, shop, clock.instant());
        stubExchange(token);
        stubShopDetails();

        mvc().perform(get("/shopify/session").param("id_token", token)).andExpect(status().isOk());

        assertThat(shops.findShop(Platform.SHOPIFY, shop)).isPresent();
    }

    static Stream<Function<String, String>> invalidTokens() {
        Instant now = Instant.parse("2026-11-01T12:00:00Z");
        return Stream.<Function<String, String>>of(
                shop -> SessionTokens.token("c".repeat(64), shop, now),
                shop -> SessionTokens.token(SHOPIFY_SECRET, shop, now, c -> c.audience("other-app")),
                shop -> SessionTokens.token(SHOPIFY_SECRET, shop, now.minusSeconds(71)),
                shop -> SessionTokens.token(
                        SHOPIFY_SECRET, shop, now, c -> c.notBeforeTime(Date.from(now.plusSeconds(11)))),
                shop -> SessionTokens.token(
                        SHOPIFY_SECRET, shop, now, c -> c.issuer("https://other.myshopify.com/admin")),
                shop -> SessionTokens.token(SHOPIFY_SECRET, shop, now, c -> c.subject(null)),
                shop -> "not-a-jwt");
    }

    @ParameterizedTest
    @MethodSource("invalidTokens")
    void anInvalidSessionTokenGets401WithTheRetryHeaderAndWritesNothing(Function<String, String> token)
            throws Exception {
        mvc().perform(get("/shopify/session").header("Authorization", "Bearer " + token.apply(shop)))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string(SessionController.RETRY_HEADER, "1"));

        assertNothingWritten();
    }

    @Test
    void noSessionTokenAtAllGets401WithTheRetryHeader() throws Exception {
        mvc().perform(get("/shopify/session"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string(SessionController.RETRY_HEADER, "1"));
    }

    @Test
    void aTokenShopifyRefusesToExchangeGets401WithTheRetryHeaderAndWritesNothing() throws Exception {
        String token = SessionTokens.token(SHOPIFY_SECRET, shop, clock.instant());
        shopify.stubFor(post(urlPathEqualTo(tokenEndpoint()))
                .willReturn(aResponse()
                        .withStatus(400)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":\"invalid_subject_token\"}")));

        mvc().perform(get("/shopify/session").header("Authorization", "Bearer " + token))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string(SessionController.RETRY_HEADER, "1"));

        assertThat(shops.findShop(Platform.SHOPIFY, shop)).isEmpty();
    }

    @Test
    void shopifyFailingGets502AndWritesNothing() throws Exception {
        String token = SessionTokens.token(SHOPIFY_SECRET, shop, clock.instant());
        shopify.stubFor(
                post(urlPathEqualTo(tokenEndpoint())).willReturn(aResponse().withStatus(500)));

        mvc().perform(get("/shopify/session").header("Authorization", "Bearer " + token))
                .andExpect(status().isBadGateway())
                .andExpect(header().doesNotExist(SessionController.RETRY_HEADER));

        assertThat(shops.findShop(Platform.SHOPIFY, shop)).isEmpty();
    }

    @Test
    void theShopsDetailsFailingGets502AndWritesNothing() throws Exception {
        String token = SessionTokens.token(SHOPIFY_SECRET, shop, clock.instant());
        stubExchange(token);
        shopify.stubFor(post(urlPathEqualTo(graphQl())).willReturn(aResponse().withStatus(403)));

        mvc().perform(get("/shopify/session").header("Authorization", "Bearer " + token))
                .andExpect(status().isBadGateway());

        assertThat(shops.findShop(Platform.SHOPIFY, shop)).isEmpty();
    }

    @Test
    void withoutShopifyCredentialsEveryRequestGets503AndShopifyIsNotCalled() throws Exception {
        ShopifyProperties unconfigured = new ShopifyProperties(
                null, null, null, null, null, "2026-07", ORIGIN, org.springframework.util.unit.DataSize.ofMegabytes(2));
        MockMvc mvc = MockMvcBuilders.standaloneSetup(new SessionController(unconfigured, clock, null))
                .build();

        mvc.perform(get("/shopify/session")
                        .header(
                                "Authorization",
                                "Bearer " + SessionTokens.token(SHOPIFY_SECRET, shop, clock.instant())))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().doesNotExist(SessionController.RETRY_HEADER));

        assertNothingWritten();
    }

    @Test
    void theBackendWithoutATokenKeyAnswers503BeforeCallingShopifyAndWritesNothing() throws Exception {
        String token = SessionTokens.token(SHOPIFY_SECRET, shop, backendClock.instant());

        HttpResponse<String> response = callBackend(token);

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.body()).contains("Token storage is not configured");
        assertThat(shops.findShop(Platform.SHOPIFY, shop)).isEmpty();
    }

    @Test
    void theBackendAnswersAnInvalidTokenWith401AndTheRetryHeader() throws Exception {
        HttpResponse<String> response = callBackend("not-a-jwt");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue(SessionController.RETRY_HEADER))
                .contains("1");
    }

    private HttpResponse<String> callBackend(String token) throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/shopify/session"))
                            .header("Authorization", "Bearer " + token)
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        }
    }

    private void assertNothingWritten() {
        assertThat(shops.findShop(Platform.SHOPIFY, shop)).isEmpty();
        assertThat(shopify.findAll(postRequestedFor(urlPathEqualTo(tokenEndpoint()))))
                .isEmpty();
    }

    private void stubExchange(String sessionToken) {
        shopify.stubFor(post(urlPathEqualTo(tokenEndpoint()))
                .withRequestBody(equalToJson("""
                    {"client_id":"%s","client_secret":"%s",
                     "grant_type":"urn:ietf:params:oauth:grant-type:token-exchange",
                     "subject_token":"%s",
                     "subject_token_type":"urn:ietf:params:oauth:token-type:id_token",
                     "requested_token_type":"urn:shopify:params:oauth:token-type:offline-access-token",
                     "expiring":"1"}\
                    """.formatted(SessionTokens.API_KEY, SHOPIFY_SECRET, sessionToken)))
                .willReturn(okJson("""
                    {"access_token":"shpat_issued","scope":"read_orders,write_discounts","expires_in":3600,
                     "refresh_token":"shprt_issued","refresh_token_expires_in":2592000}\
                    """)));
    }

    private void stubShopDetails() {
        install.stubShopDetails(shop);
    }

    private String tokenEndpoint() {
        return StubbedInstall.tokenEndpoint(shop);
    }

    private String graphQl() {
        return StubbedInstall.graphQl(shop);
    }

    private static WireMockServer started() {
        WireMockServer server =
                new WireMockServer(WireMockConfiguration.options().dynamicPort());
        server.start();
        return server;
    }
}
