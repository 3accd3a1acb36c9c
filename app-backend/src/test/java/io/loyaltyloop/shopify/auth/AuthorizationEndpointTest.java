package io.loyaltyloop.shopify.auth;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.loyaltyloop.db.Tables.SHOP_ACCESS_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.loyaltyloop.BackendTest;
import io.loyaltyloop.shop.Platform;
import io.loyaltyloop.shop.Shop;
import io.loyaltyloop.shop.ShopService;
import io.loyaltyloop.shopify.ShopifyProperties;
import io.loyaltyloop.system.AccessTokenCipher;
import io.loyaltyloop.testing.MutableClock;
import jakarta.servlet.http.Cookie;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.util.unit.DataSize;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The authorization-code grant: {@code GET /auth} and {@code GET /auth/callback}. The whole flow runs
 * against the shared database with a stub for Shopify (token endpoint, Admin GraphQL) and a token key
 * of its own; the shared backend on its real port shows the HTTP edge itself: the redirect, the
 * cookie's attributes, rejections, and what an install without a token key answers.
 */
class AuthorizationEndpointTest extends BackendTest {

    private static final WireMockServer shopify =
            new WireMockServer(WireMockConfiguration.options().dynamicPort());
    private static final StubbedInstall install = started();
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
    private final String shop = "oauth-" + UUID.randomUUID().toString().substring(0, 8) + ".myshopify.com";
    private MockMvc mvc;

    /** After injection: the controller under test is built from the shared database's beans. */
    @BeforeEach
    void controllerAgainstTheStub() {
        mvc = mvc();
    }

    @AfterAll
    static void stop() {
        shopify.stop();
    }

    @Test
    void anInstallRedirectsToShopifyTheCallbackStoresTheTokensEncryptedAndOpensTheApp() throws Exception {
        MockHttpServletResponse begun = begin();
        assertThat(begun.getStatus()).isEqualTo(302);
        Map<String, String> authorize = queryOf(begun.getRedirectedUrl());
        assertThat(begun.getRedirectedUrl()).startsWith(shopOrigin() + "/admin/oauth/authorize?");
        assertThat(authorize)
                .containsEntry("client_id", "test-api-key")
                .containsEntry("scope", "read_orders,write_discounts")
                .containsEntry("redirect_uri", APP_URL + "/auth/callback")
                .doesNotContainKey("grant_options[]")
                .doesNotContainKey("grant_options%5B%5D");
        String state = authorize.get("state");
        assertThat(state).matches("[0-9a-f]{64}");
        String setCookie = begun.getHeader("Set-Cookie");
        assertThat(setCookie)
                .startsWith(InstallStateCookie.NAME + "=")
                .contains("Path=/auth", "Max-Age=300", "HttpOnly", "SameSite=Lax", "Secure")
                .doesNotContain(state + ";");
        stubRedeem("good-code");
        stubShopDetails();

        MockHttpServletResponse done = callback(cookieOf(begun), Map.of("code", "good-code", "state", state));

        assertThat(done.getStatus()).isEqualTo(302);
        assertThat(done.getRedirectedUrl()).isEqualTo(shopOrigin() + "/admin/apps/test-api-key");
        assertThat(done.getHeader("Set-Cookie"))
                .startsWith(InstallStateCookie.NAME + "=;")
                .contains("Max-Age=0");
        Shop installed = shops.findShop(Platform.SHOPIFY, shop).orElseThrow();
        assertThat(installed.active()).isTrue();
        assertThat(installed.name()).isEqualTo("Loop Test");
        var row = dsl.selectFrom(SHOP_ACCESS_TOKEN)
                .where(SHOP_ACCESS_TOKEN.SHOP_ID.eq(installed.id().value()))
                .fetchSingle();
        assertThat(new String(row.getAccessToken(), StandardCharsets.ISO_8859_1))
                .doesNotContain("shpat_code");
        assertThat(cipher.decrypt(installed.id().value(), row.getAccessToken())).isEqualTo("shpat_code");
        assertThat(cipher.decrypt(installed.id().value(), row.getRefreshToken()))
                .isEqualTo("shprt_code");
        assertThat(row.getAccessExpiresAt().toInstant())
                .isEqualTo(clock.instant().plusSeconds(3600));
    }

    @Test
    void aReplayedCallbackIsRefusedOnceTheBrowserDroppedTheState() throws Exception {
        MockHttpServletResponse begun = begin();
        String state = stateOf(begun);
        stubRedeem("good-code");
        stubShopDetails();
        callback(cookieOf(begun), Map.of("code", "good-code", "state", state));

        MockHttpServletResponse replayed = callback(null, Map.of("code", "good-code", "state", state));

        assertThat(replayed.getStatus()).isEqualTo(403);
        assertThat(shopify.findAll(postRequestedFor(urlPathEqualTo(tokenEndpoint()))))
                .hasSize(1);
    }

    @Test
    void theAppSecretBeforeARotationIsStillAccepted() throws Exception {
        MockHttpServletResponse begun = mvc.perform(signed(get("/auth"), SHOPIFY_PREVIOUS_SECRET, Map.of()))
                .andReturn()
                .getResponse();

        assertThat(begun.getStatus()).isEqualTo(302);
    }

    @Test
    void aReinstallAfterUninstallReactivatesTheShopWithTheNewTokens() throws Exception {
        stubRedeem("good-code");
        stubShopDetails();
        MockHttpServletResponse first = begin();
        callback(cookieOf(first), Map.of("code", "good-code", "state", stateOf(first)));
        Shop installed = shops.findShop(Platform.SHOPIFY, shop).orElseThrow();
        shops.uninstall(installed.id(), clock.instant());

        MockHttpServletResponse second = begin();
        MockHttpServletResponse done =
                callback(cookieOf(second), Map.of("code", "good-code", "state", stateOf(second)));

        assertThat(done.getStatus()).isEqualTo(302);
        assertThat(shops.getShop(installed.id()).active()).isTrue();
    }

    @Test
    void parametersThatTryToChooseTheRedirectAreIgnored() throws Exception {
        MockHttpServletResponse begun = mvc.perform(signed(
                        get("/auth"),
                        SHOPIFY_SECRET,
                        Map.of("redirect_uri", "https://evil.example/steal", "host", "ZXZpbC5leGFtcGxl")))
                .andReturn()
                .getResponse();
        assertThat(begun.getRedirectedUrl())
                .startsWith(shopOrigin() + "/admin/oauth/authorize?")
                .doesNotContain("evil");
        stubRedeem("good-code");
        stubShopDetails();

        MockHttpServletResponse done = callback(
                cookieOf(begun), Map.of("code", "good-code", "state", stateOf(begun), "host", "ZXZpbC5leGFtcGxl"));

        assertThat(done.getRedirectedUrl()).isEqualTo(shopOrigin() + "/admin/apps/test-api-key");
    }

    static Stream<Arguments> badInstallRequests() {
        return Stream.of(
                Arguments.of("no shop", 400, (Consumer<Map<String, String>>) q -> q.remove("shop")),
                Arguments.of("no timestamp", 400, (Consumer<Map<String, String>>) q -> q.remove("timestamp")),
                Arguments.of("no hmac", 400, (Consumer<Map<String, String>>) q -> q.remove("hmac")),
                Arguments.of("a timestamp that is no number", 400, resigned(q -> q.put("timestamp", "yesterday"))),
                Arguments.of("a forged hmac", 401, (Consumer<Map<String, String>>)
                        q -> q.put("hmac", OAuthQuerySignature.sign("c".repeat(64), q))),
                Arguments.of("another shop than signed", 401, (Consumer<Map<String, String>>)
                        q -> q.put("shop", "victim.myshopify.com")),
                Arguments.of("a timestamp 91 s old", 401, resigned(q -> q.put("timestamp", seconds(-91)))),
                Arguments.of("a timestamp 91 s ahead", 401, resigned(q -> q.put("timestamp", seconds(91)))),
                Arguments.of("a shop outside myshopify.com", 403, resigned(q -> q.put("shop", "evil.example"))),
                Arguments.of(
                        "a shop that only ends like one",
                        403,
                        resigned(q -> q.put("shop", "evil.example/x.myshopify.com"))),
                Arguments.of("a shop with a port", 403, resigned(q -> q.put("shop", "x.myshopify.com:8080"))),
                Arguments.of("a shop with upper case", 403, resigned(q -> q.put("shop", "Shop.myshopify.com"))));
    }

    @ParameterizedTest(name = "{0} gets {1}")
    @MethodSource("badInstallRequests")
    void aBadInstallRequestIsRefusedWithoutStateOrRedirect(String what, int status, Consumer<Map<String, String>> spoil)
            throws Exception {
        Map<String, String> query = signedQuery(SHOPIFY_SECRET, Map.of());
        spoil.accept(query);

        MockHttpServletResponse response =
                mvc.perform(withQuery(get("/auth"), query)).andReturn().getResponse();

        assertThat(response.getStatus()).isEqualTo(status);
        assertThat(response.getContentType()).startsWith("text/plain");
        assertThat(response.getContentAsString()).isNotBlank();
        assertThat(response.getHeader("Location")).isNull();
        assertThat(response.getHeader("Set-Cookie")).isNull();
    }

    @Test
    void aRepeatedParameterIsRefusedAsMalformed() throws Exception {
        MockHttpServletResponse response = mvc.perform(
                        signed(get("/auth"), SHOPIFY_SECRET, Map.of()).queryParam("shop", "victim.myshopify.com"))
                .andReturn()
                .getResponse();

        assertThat(response.getStatus()).isEqualTo(400);
    }

    static Stream<Arguments> badCallbacks() {
        return Stream.of(
                Arguments.of("no code", 400, (Consumer<Map<String, String>>) q -> q.remove("code")),
                Arguments.of("no state", 400, (Consumer<Map<String, String>>) q -> q.remove("state")),
                Arguments.of("a forged hmac", 401, (Consumer<Map<String, String>>)
                        q -> q.put("hmac", OAuthQuerySignature.sign("c".repeat(64), q))),
                Arguments.of("a code other than signed", 401, (Consumer<Map<String, String>>)
                        q -> q.put("code", "stolen-code")),
                Arguments.of("a stale timestamp", 401, resigned(q -> q.put("timestamp", seconds(-91)))),
                Arguments.of("a shop outside myshopify.com", 403, resigned(q -> q.put("shop", "evil.example"))),
                Arguments.of("another state", 403, resigned(q -> q.put("state", "0".repeat(64)))),
                Arguments.of(
                        "another shop than the state's", 403, resigned(q -> q.put("shop", "victim.myshopify.com"))));
    }

    @ParameterizedTest(name = "{0} gets {1}")
    @MethodSource("badCallbacks")
    void aBadCallbackIsRefusedAndNothingIsRedeemedOrStored(String what, int status, Consumer<Map<String, String>> spoil)
            throws Exception {
        MockHttpServletResponse begun = begin();
        Map<String, String> query = signedQuery(SHOPIFY_SECRET, Map.of("code", "good-code", "state", stateOf(begun)));
        spoil.accept(query);

        MockHttpServletResponse response = mvc.perform(
                        withQuery(get("/auth/callback"), query).cookie(cookieOf(begun)))
                .andReturn()
                .getResponse();

        assertThat(response.getStatus()).isEqualTo(status);
        assertThat(response.getContentType()).startsWith("text/plain");
        assertThat(response.getHeader("Location")).isNull();
        assertNothingRedeemedOrStored();
    }

    static Stream<Arguments> badCookies() {
        return Stream.of(
                Arguments.of("no cookie", (UnaryOperator<Cookie>) c -> null),
                Arguments.of("a tampered cookie", (UnaryOperator<Cookie>) AuthorizationEndpointTest::tampered),
                Arguments.of("a cookie moved to another shop", (UnaryOperator<Cookie>) c ->
                        new Cookie(c.getName(), c.getValue().replaceFirst(":oauth-[^:]+:", ":victim.myshopify.com:"))),
                Arguments.of(
                        "a cookie we did not sign", (UnaryOperator<Cookie>) c -> new Cookie(c.getName(), "x:y:z")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badCookies")
    void aCallbackWithoutOurStateCookieIsRefused(String what, UnaryOperator<Cookie> spoil) throws Exception {
        MockHttpServletResponse begun = begin();

        MockHttpServletResponse response =
                callback(spoil.apply(cookieOf(begun)), Map.of("code", "good-code", "state", stateOf(begun)));

        assertThat(response.getStatus()).isEqualTo(403);
        assertNothingRedeemedOrStored();
    }

    @Test
    void aStateOlderThanItsLifetimeIsRefused() throws Exception {
        MockHttpServletResponse begun = begin();
        clock.advance(InstallStateCookie.LIFETIME.plusSeconds(1));

        MockHttpServletResponse response =
                callback(cookieOf(begun), Map.of("code", "good-code", "state", stateOf(begun)));

        assertThat(response.getStatus()).isEqualTo(403);
        assertNothingRedeemedOrStored();
    }

    @Test
    void aCodeShopifyRefusesGets400AndStoresNothing() throws Exception {
        MockHttpServletResponse begun = begin();
        shopify.stubFor(post(urlPathEqualTo(tokenEndpoint()))
                .willReturn(aResponse()
                        .withStatus(400)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":\"invalid_request\",\"error_description\":\"The authorization code"
                                + " was not found or was already used\"}")));

        MockHttpServletResponse response =
                callback(cookieOf(begun), Map.of("code", "used-code", "state", stateOf(begun)));

        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(response.getContentAsString()).contains("Shopify refused the authorization code");
        assertThat(shops.findShop(Platform.SHOPIFY, shop)).isEmpty();
    }

    @Test
    void shopifyFailingGets502AndStoresNothing() throws Exception {
        MockHttpServletResponse begun = begin();
        shopify.stubFor(
                post(urlPathEqualTo(tokenEndpoint())).willReturn(aResponse().withStatus(503)));

        MockHttpServletResponse response =
                callback(cookieOf(begun), Map.of("code", "good-code", "state", stateOf(begun)));

        assertThat(response.getStatus()).isEqualTo(502);
        assertThat(response.getContentAsString()).contains("Shopify could not be reached");
        assertThat(shops.findShop(Platform.SHOPIFY, shop)).isEmpty();
    }

    @Test
    void withoutShopifyCredentialsBothEndpointsAnswer503() throws Exception {
        ShopifyProperties unconfigured =
                new ShopifyProperties(null, null, null, null, null, "2026-07", ORIGIN, DataSize.ofMegabytes(2));
        MockMvc unconfiguredMvc = MockMvcBuilders.standaloneSetup(
                        new AuthorizationController(unconfigured, clock, null))
                .build();

        assertThat(unconfiguredMvc
                        .perform(signed(get("/auth"), SHOPIFY_SECRET, Map.of()))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(503);
        assertThat(unconfiguredMvc
                        .perform(get("/auth/callback"))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(503);
    }

    @Test
    void theBackendRedirectsASignedInstallRequestWithASecureStateCookie() throws Exception {
        HttpResponse<String> response = callBackend("/auth", signedQuery(SHOPIFY_SECRET, backendClock, Map.of()), null);

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location").orElseThrow())
                .startsWith("https://" + shop + "/admin/oauth/authorize?client_id=test-api-key&")
                .contains("redirect_uri=" + URLEncoder.encode(APP_URL + "/auth/callback", StandardCharsets.UTF_8));
        assertThat(response.headers().firstValue("Set-Cookie").orElseThrow())
                .contains("HttpOnly", "Secure", "SameSite=Lax");
    }

    @Test
    void theBackendRefusesAForgedInstallRequestWithAPlain401() throws Exception {
        Map<String, String> query = signedQuery(SHOPIFY_SECRET, backendClock, Map.of());
        query.put("hmac", "0".repeat(64));

        HttpResponse<String> response = callBackend("/auth", query, null);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/plain");
        assertThat(response.body()).contains("hmac");
        assertThat(response.headers().firstValue("Set-Cookie")).isEmpty();
    }

    @Test
    void theBackendRefusesACallbackWithoutStateCookieAndWithoutATokenKeyNeverCallsShopify() throws Exception {
        HttpResponse<String> begun = callBackend("/auth", signedQuery(SHOPIFY_SECRET, backendClock, Map.of()), null);
        String cookie = begun.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        String state = UriComponentsBuilder.fromUriString(
                        begun.headers().firstValue("Location").orElseThrow())
                .build()
                .getQueryParams()
                .getFirst("state");
        Map<String, String> callback =
                signedQuery(SHOPIFY_SECRET, backendClock, Map.of("code", "good-code", "state", state));

        assertThat(callBackend("/auth/callback", callback, null).statusCode()).isEqualTo(403);
        HttpResponse<String> withCookie = callBackend("/auth/callback", callback, cookie);
        assertThat(withCookie.statusCode()).isEqualTo(503);
        assertThat(withCookie.body()).contains("Token storage is not configured");
        assertThat(shops.findShop(Platform.SHOPIFY, shop)).isEmpty();
    }

    private MockMvc mvc() {
        ShopifyProperties properties = install.properties(APP_URL + "/", "read_orders,write_discounts");
        return MockMvcBuilders.standaloneSetup(
                        new AuthorizationController(properties, clock, install.installer(dsl, shops, clock)))
                .build();
    }

    private static StubbedInstall started() {
        shopify.start();
        return new StubbedInstall(shopify, SHOPIFY_SECRET, SHOPIFY_PREVIOUS_SECRET);
    }

    private MockHttpServletResponse begin() throws Exception {
        return mvc.perform(signed(get("/auth"), SHOPIFY_SECRET, Map.of("host", "YWRtaW4uc2hvcGlmeS5jb20")))
                .andReturn()
                .getResponse();
    }

    private MockHttpServletResponse callback(Cookie cookie, Map<String, String> extra) throws Exception {
        MockHttpServletRequestBuilder request = signed(get("/auth/callback"), SHOPIFY_SECRET, extra);
        return mvc.perform(cookie == null ? request : request.cookie(cookie))
                .andReturn()
                .getResponse();
    }

    private MockHttpServletRequestBuilder signed(
            MockHttpServletRequestBuilder request, String secret, Map<String, String> extra) {
        return withQuery(request, signedQuery(secret, extra));
    }

    private Map<String, String> signedQuery(String secret, Map<String, String> extra) {
        return signedQuery(secret, clock, extra);
    }

    private Map<String, String> signedQuery(String secret, Clock at, Map<String, String> extra) {
        Map<String, String> query = new LinkedHashMap<>(extra);
        query.put("shop", shop);
        query.put("timestamp", Long.toString(at.instant().getEpochSecond()));
        query.put("hmac", OAuthQuerySignature.sign(secret, query));
        return query;
    }

    private static MockHttpServletRequestBuilder withQuery(
            MockHttpServletRequestBuilder request, Map<String, String> query) {
        query.forEach(request::queryParam);
        return request;
    }

    /** Changes the query as its sender likes, then signs it properly: only our other checks can refuse it. */
    private static Consumer<Map<String, String>> resigned(Consumer<Map<String, String>> change) {
        return query -> {
            change.accept(query);
            query.put("hmac", OAuthQuerySignature.sign(SHOPIFY_SECRET, query));
        };
    }

    private static String seconds(long fromTestNow) {
        return Long.toString(Instant.parse("2026-11-01T12:00:00Z").getEpochSecond() + fromTestNow);
    }

    private static Cookie cookieOf(MockHttpServletResponse response) {
        String pair = response.getHeader("Set-Cookie").split(";")[0];
        int equals = pair.indexOf('=');
        return new Cookie(pair.substring(0, equals), pair.substring(equals + 1));
    }

    private static String stateOf(MockHttpServletResponse response) {
        return queryOf(response.getRedirectedUrl()).get("state");
    }

    private static Map<String, String> queryOf(String url) {
        Map<String, String> query = new LinkedHashMap<>();
        UriComponentsBuilder.fromUriString(url)
                .build()
                .getQueryParams()
                .forEach((name, values) -> query.put(
                        URLDecoder.decode(name, StandardCharsets.UTF_8),
                        URLDecoder.decode(values.getFirst(), StandardCharsets.UTF_8)));
        return query;
    }

    /** The cookie as sent, with one character of its signature changed. */
    private static Cookie tampered(Cookie cookie) {
        String value = cookie.getValue();
        char last = value.charAt(value.length() - 1);
        return new Cookie(cookie.getName(), value.substring(0, value.length() - 1) + (last == 'A' ? 'B' : 'A'));
    }

    private HttpResponse<String> callBackend(String path, Map<String, String> query, String cookie) throws Exception {
        String queryString = query.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path + "?" + queryString));
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    private void assertNothingRedeemedOrStored() {
        assertThat(shopify.findAll(postRequestedFor(urlPathEqualTo(tokenEndpoint()))))
                .isEmpty();
        assertThat(shops.findShop(Platform.SHOPIFY, shop)).isEmpty();
    }

    private void stubRedeem(String code) {
        shopify.stubFor(post(urlPathEqualTo(tokenEndpoint()))
                .withRequestBody(equalToJson("""
                    {"client_id":"test-api-key","client_secret":"%s","code":"%s","expiring":"1"}\
                    """.formatted(SHOPIFY_SECRET, code)))
                .willReturn(okJson("""
                    {"access_token":"shpat_code","scope":"read_orders,write_discounts","expires_in":3600,
                     "refresh_token":"shprt_code","refresh_token_expires_in":2592000}\
                    """)));
    }

    private void stubShopDetails() {
        install.stubShopDetails(shop);
    }

    private String shopOrigin() {
        return ORIGIN.replace("{shop}", shop);
    }

    private String tokenEndpoint() {
        return StubbedInstall.tokenEndpoint(shop);
    }
}
