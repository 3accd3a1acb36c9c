package io.loyaltyloop.admin.access;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.loyaltyloop.shop.Platform;
import io.loyaltyloop.shop.Shop;
import io.loyaltyloop.shopify.auth.SessionTokens;
import io.loyaltyloop.shopify.auth.StubbedAdminSessions;
import jakarta.servlet.FilterChain;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The first embedded admin load of a shop Shopify has just installed (managed install): the filter
 * has app-backend exchange the session token and register the shop, then lets the merchant in as
 * its OWNER. The port is the backend's own ({@code AdminShopSessions} on the real installer), with
 * Shopify at a WireMock stub and a token key of the test's own; the shared backend has no token key.
 */
class EmbeddedInstallTest extends AdminWebTest {

    private static final WireMockServer shopify = started();
    private static final StubbedAdminSessions stub =
            new StubbedAdminSessions(shopify, SHOPIFY_SECRET, SHOPIFY_PREVIOUS_SECRET);

    private final String domain = "fresh-" + UUID.randomUUID().toString().substring(0, 8) + ".myshopify.com";
    private final AtomicReference<AdminUser> signedIn = new AtomicReference<>();
    private final FilterChain chain = (request, response) -> signedIn.set(
            (AdminUser) SecurityContextHolder.getContext().getAuthentication().getPrincipal());

    @AfterAll
    static void stop() {
        shopify.stop();
    }

    @AfterEach
    void forgetTheSignIn() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void theFirstLoadOfAFreshInstallRegistersTheShopAndLetsTheMerchantInAsOwner() throws Exception {
        stub.stubInstall(domain);

        MockHttpServletResponse response = load(documentLoad(token(domain)));

        assertThat(response.getStatus()).isEqualTo(200);
        Shop shop = shops.findShop(Platform.SHOPIFY, domain).orElseThrow();
        assertThat(shop.active()).isTrue();
        assertThat(shop.name()).isEqualTo("Loop Test");
        assertThat(stub.hasStoredToken(dsl, shop.id().value())).isTrue();
        assertThat(signedIn.get().shopId()).isEqualTo(shop.id().value());
        assertThat(signedIn.get().role()).isEqualTo(AdminRole.OWNER);
        assertThat(signedIn.get().actor()).isEqualTo("shopify-user:42");
        assertThat(response.getHeader("Content-Security-Policy")).contains("frame-ancestors https://" + domain);
    }

    @Test
    void laterRequestsOfTheInstalledShopCallShopifyNoMore() throws Exception {
        stub.stubInstall(domain);
        load(documentLoad(token(domain)));

        MockHttpServletResponse htmx = load(htmxRequest(token(domain)));

        assertThat(htmx.getStatus()).isEqualTo(200);
        assertThat(stub.exchanges(domain)).isEqualTo(1);
    }

    @Test
    void anUninstalledShopIsReinstalledTheSameWay() throws Exception {
        stub.stubInstall(domain);
        load(documentLoad(token(domain)));
        Shop shop = shops.findShop(Platform.SHOPIFY, domain).orElseThrow();
        shops.uninstall(shop.id(), clock.instant());
        signedIn.set(null);

        MockHttpServletResponse response = load(htmxRequest(token(domain)));

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(shops.getShop(shop.id()).active()).isTrue();
        assertThat(signedIn.get().shopId()).isEqualTo(shop.id().value());
        assertThat(stub.exchanges(domain)).isEqualTo(2);
    }

    @Test
    void anExchangeShopifyRefusesIs401WithTheRetryHeaderAndWritesNothing() throws Exception {
        stub.stubExchangeAnswering(domain, 400);

        MockHttpServletResponse response = load(htmxRequest(token(domain)));

        assertThat(response.getStatus()).isEqualTo(401);
        assertThat(response.getHeader(EmbeddedSessionFilter.RETRY_HEADER)).isEqualTo("1");
        assertNothingHappened();
    }

    @Test
    void shopifyFailingIsA502PageOnADocumentLoadAndWritesNothing() throws Exception {
        stub.stubExchangeAnswering(domain, 503);

        MockHttpServletResponse response = load(documentLoad(token(domain)));

        assertThat(response.getStatus()).isEqualTo(502);
        assertThat(response.getContentType()).startsWith("text/html");
        assertThat(response.getContentAsString()).contains("Shopify could not be reached");
        assertThat(response.getHeader(EmbeddedSessionFilter.RETRY_HEADER)).isNull();
        assertNothingHappened();
    }

    @Test
    void shopifyFailingIsA502ProblemForAnHtmxRequest() throws Exception {
        stub.stubExchangeAnswering(domain, 500);

        MockHttpServletResponse response = load(htmxRequest(token(domain)));

        assertThat(response.getStatus()).isEqualTo(502);
        assertThat(response.getContentType()).startsWith("application/problem+json");
        assertNothingHappened();
    }

    @Test
    void theSharedBackendWithoutATokenKeyAnswers503AndCallsNoShopify() {
        var answer = client.get("/admin", "Authorization", "Bearer " + token(domain), "HX-Request", "true");

        assertThat(answer.statusCode()).isEqualTo(503);
        assertThat(shops.findShop(Platform.SHOPIFY, domain)).isEmpty();
        assertThat(stub.exchanges(domain)).isZero();
    }

    private void assertNothingHappened() {
        assertThat(signedIn.get()).isNull();
        assertThat(shops.findShop(Platform.SHOPIFY, domain)).isEmpty();
    }

    private MockHttpServletResponse load(MockHttpServletRequest request) throws Exception {
        var filter = new EmbeddedSessionFilter(Optional.of(stub.sessions(dsl, shops, clock, APP_URL)), shops);
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, chain);
        return response;
    }

    private static MockHttpServletRequest documentLoad(String token) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/admin");
        request.setParameter("id_token", token);
        return request;
    }

    private static MockHttpServletRequest htmxRequest(String token) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/admin");
        request.addHeader("Authorization", "Bearer " + token);
        request.addHeader("HX-Request", "true");
        return request;
    }

    private String token(String shop) {
        return SessionTokens.token(SHOPIFY_SECRET, shop, clock.instant());
    }

    private static WireMockServer started() {
        WireMockServer server =
                new WireMockServer(WireMockConfiguration.options().dynamicPort());
        server.start();
        return server;
    }
}
