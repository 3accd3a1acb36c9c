package io.loyaltyloop.broadleaf.wire;

import static io.loyaltyloop.db.Tables.BROADLEAF_NONCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loyaltyloop.BackendTest;
import io.loyaltyloop.broadleaf.BroadleafFixtures;
import io.loyaltyloop.broadleaf.site.BroadleafSites;
import io.loyaltyloop.shop.ShopService;
import io.loyaltyloop.testing.MutableClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockHttpServletRequest;

/**
 * Every {@code /broadleaf/v1/**} request's checks, one test per refusal: each is 401 {@code unsigned}
 * (400 for an unknown wire version) and stores nothing, not even the nonce.
 */
class SignedRequestsTest extends BackendTest {

    private static final String PATH = "/broadleaf/v1/events";
    private static final byte[] BODY = "{\"events\":[]}".getBytes(StandardCharsets.UTF_8);

    @Autowired
    SignedRequests signed;

    @Autowired
    BroadleafSites sites;

    @Autowired
    ShopService shops;

    @Autowired
    NonceRepository nonces;

    @Autowired
    DSLContext dsl;

    @Autowired
    MutableClock clock;

    private BroadleafSites.Registered site;

    @BeforeEach
    void aSite() {
        clock.set(START);
        site = BroadleafFixtures.register(sites, "https://shop.example.com");
    }

    @AfterEach
    void resetClock() {
        clock.set(START);
    }

    @Test
    void aRequestSignedWithTheSitesSecretNamesItsSiteAndUsesItsNonce() {
        MockHttpServletRequest request = request(site.secret(), clock.instant(), h -> {});

        assertThat(signed.verify(request, BODY).shop().id())
                .isEqualTo(site.site().shop().id());
        assertThat(nonceRows()).isOne();
    }

    @Test
    void theQueryIsSignedAsSent() {
        MockHttpServletRequest request =
                request(site.secret(), clock.instant(), "GET", "customer=100&x=a%20b", h -> {});

        assertThat(signed.verify(request, new byte[0]).siteId())
                .isEqualTo(site.site().siteId());
    }

    @Test
    void thePreviousSecretIsAcceptedFor24HoursAfterARotation() {
        String rotated = sites.rotate(site.site().shop().id());

        assertThat(signed.verify(request(site.secret(), clock.instant(), h -> {}), BODY))
                .isNotNull();
        assertThat(signed.verify(request(rotated, clock.instant(), h -> {}), BODY))
                .isNotNull();
        clock.advance(Duration.ofHours(24));
        assertRefused(() -> signed.verify(request(site.secret(), clock.instant(), h -> {}), BODY), 2);
    }

    @Test
    void aMissingHeaderIsRefused() {
        for (String header : List.of(
                WireHeaders.WIRE, WireHeaders.SITE, WireHeaders.TIMESTAMP, WireHeaders.NONCE, WireHeaders.SIGNATURE)) {
            MockHttpServletRequest request = request(site.secret(), clock.instant(), h -> h.remove(header));
            assertRefused(() -> signed.verify(request, BODY), 0);
        }
    }

    @Test
    void aMalformedHeaderIsRefused() {
        for (Map.Entry<String, String> bad : List.of(
                Map.entry(WireHeaders.SITE, "Not A Site"),
                Map.entry(WireHeaders.TIMESTAMP, "yesterday"),
                Map.entry(WireHeaders.TIMESTAMP, "-5"),
                Map.entry(WireHeaders.NONCE, "short"),
                Map.entry(WireHeaders.NONCE, "has spaces in it and is long enough"),
                Map.entry(WireHeaders.SIGNATURE, "sha256=abc"),
                Map.entry(WireHeaders.SIGNATURE, "v1=" + "A".repeat(64)))) {
            MockHttpServletRequest request =
                    request(site.secret(), clock.instant(), h -> h.put(bad.getKey(), bad.getValue()));
            assertRefused(() -> signed.verify(request, BODY), 0);
        }
    }

    @Test
    void anUnknownSiteIsRefused() {
        String stranger = BroadleafFixtures.siteId();
        MockHttpServletRequest request = new MockHttpServletRequest("POST", PATH);
        WireHeaders.signed(stranger, site.secret(), clock.instant(), "POST", PATH, BODY)
                .forEach(request::addHeader);

        assertRefused(() -> signed.verify(request, BODY), 0);
    }

    @Test
    void anInactiveSiteIsRefused() {
        shops.uninstall(site.site().shop().id(), clock.instant());

        assertRefused(() -> signed.verify(request(site.secret(), clock.instant(), h -> {}), BODY), 0);
    }

    @Test
    void aTimestampMoreThan300SecondsOldIsRefused() {
        assertThat(signed.verify(request(site.secret(), clock.instant().minusSeconds(300), h -> {}), BODY))
                .isNotNull();
        assertRefused(() -> signed.verify(request(site.secret(), clock.instant().minusSeconds(301), h -> {}), BODY), 1);
    }

    @Test
    void aTimestampMoreThan300SecondsAheadIsRefused() {
        assertRefused(() -> signed.verify(request(site.secret(), clock.instant().plusSeconds(301), h -> {}), BODY), 0);
    }

    @Test
    void aSignatureWithAnotherSecretIsRefused() {
        String other =
                BroadleafFixtures.register(sites, "https://other.example.com").secret();

        assertRefused(() -> signed.verify(request(other, clock.instant(), h -> {}), BODY), 0);
    }

    @Test
    void aBodyOtherThanTheSignedOneIsRefused() {
        MockHttpServletRequest request = request(site.secret(), clock.instant(), h -> {});

        assertRefused(() -> signed.verify(request, "{\"events\":[{}]}".getBytes(StandardCharsets.UTF_8)), 0);
    }

    @Test
    void anotherMethodOrPathThanTheSignedOneIsRefused() {
        MockHttpServletRequest request = request(site.secret(), clock.instant(), h -> {});
        request.setRequestURI("/broadleaf/v1/storefront/customer");

        assertRefused(() -> signed.verify(request, BODY), 0);
    }

    @Test
    void aReplayedNonceIsRefused() {
        MockHttpServletRequest request = request(site.secret(), clock.instant(), h -> {});
        signed.verify(request, BODY);

        clock.advance(Duration.ofSeconds(10));
        assertRefused(() -> signed.verify(request, BODY), 1);
    }

    @Test
    void anotherWireVersionIs400() {
        MockHttpServletRequest request = request(site.secret(), clock.instant(), h -> h.put(WireHeaders.WIRE, "2"));

        assertThatThrownBy(() -> signed.verify(request, BODY)).isInstanceOfSatisfying(WireRejection.class, r -> {
            assertThat(r.status()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(r.code()).isEqualTo("unsupported-wire-version");
        });
        assertThat(nonceRows()).isZero();
    }

    @Test
    void nonceRowsOlderThanTenMinutesArePruned() {
        signed.verify(request(site.secret(), clock.instant(), h -> {}), BODY);
        clock.advance(Duration.ofMinutes(9));
        signed.verify(request(site.secret(), clock.instant(), h -> {}), BODY);

        clock.advance(Duration.ofMinutes(2));
        nonces.prune(clock.instant());

        assertThat(nonceRows()).isOne();
    }

    private void assertRefused(ThrowingCallable call, int nonceRowsAfter) {
        assertThatThrownBy(call).isInstanceOfSatisfying(WireRejection.class, r -> {
            assertThat(r.status()).isEqualTo(HttpStatus.UNAUTHORIZED);
            assertThat(r.code()).isEqualTo("unsigned");
        });
        assertThat(nonceRows()).isEqualTo(nonceRowsAfter);
    }

    private int nonceRows() {
        return dsl.fetchCount(
                BROADLEAF_NONCE,
                BROADLEAF_NONCE.SHOP_ID.eq(site.site().shop().id().value()));
    }

    private MockHttpServletRequest request(String secret, Instant at, Consumer<Map<String, String>> edit) {
        return request(secret, at, "POST", null, edit);
    }

    private MockHttpServletRequest request(
            String secret, Instant at, String method, String query, Consumer<Map<String, String>> edit) {
        MockHttpServletRequest request = new MockHttpServletRequest(method, PATH);
        request.setQueryString(query);
        byte[] body = method.equals("GET") ? new byte[0] : BODY;
        Map<String, String> headers = new java.util.LinkedHashMap<>(WireHeaders.signed(
                site.site().siteId(), secret, at, method, query == null ? PATH : PATH + "?" + query, body));
        edit.accept(headers);
        headers.forEach(request::addHeader);
        return request;
    }
}
