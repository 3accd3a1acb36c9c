package io.loyaltyloop.storefront.testpage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loyaltyloop.storefront.AppProxySignature;
import io.loyaltyloop.storefront.AppProxySignatureException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.web.server.ResponseStatusException;

/** The stand-in app proxy signs so that the real verifier accepts it, and forwards only to /proxy/. */
class ProxySignerTest {

    static final Instant NOW = Instant.parse("2026-11-01T12:00:00Z");
    final AppProxySignature verifier = new AppProxySignature(List.of("s3cret"), Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void aSignedQueryPassesAppProxySignatureWithItsShopAndCustomer() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("request_key", "abc_DEF-12345");
        params.put("note", "a & b = c, ü");
        params.put("shop", "goods.myshopify.com");
        params.put("logged_in_customer_id", "115310627314723954");
        params.put("path_prefix", "/apps/loyalty");
        params.put("timestamp", Long.toString(NOW.getEpochSecond()));

        AppProxySignature.ProxyRequest verified = verifier.verify(ProxySigner.signedQuery(params, "s3cret"));

        assertThat(verified.shop()).isEqualTo("goods.myshopify.com");
        assertThat(verified.loggedInCustomerId()).isEqualTo("115310627314723954");
        assertThat(verified.parameters()).containsEntry("note", "a & b = c, ü");
    }

    @Test
    void aGuestIsSignedWithAnEmptyCustomer() {
        Map<String, String> params = Map.of(
                "shop", "goods.myshopify.com",
                "logged_in_customer_id", "",
                "path_prefix", "/apps/loyalty",
                "timestamp", Long.toString(NOW.getEpochSecond()));

        assertThat(verifier.verify(ProxySigner.signedQuery(params, "s3cret")).loggedInCustomerId())
                .isNull();
    }

    @Test
    void anotherSecretsSignatureIsRefused() {
        Map<String, String> params =
                Map.of("shop", "goods.myshopify.com", "timestamp", Long.toString(NOW.getEpochSecond()));

        assertThatThrownBy(() -> verifier.verify(ProxySigner.signedQuery(params, "other")))
                .isInstanceOf(AppProxySignatureException.class);
    }

    @Test
    void onlyPlainPathSegmentsAreForwarded() {
        assertThat(FakeAppProxy.proxiedPath("/apps/loyalty/rewards/3/redeem")).isEqualTo("/rewards/3/redeem");
        for (String uri : List.of(
                "/apps/loyalty/../admin",
                "/apps/loyalty/..%2Fadmin",
                "/apps/loyalty//customer",
                "/apps/loyalty/",
                "/apps/loyalty/customer/",
                "/apps/loyalty/a.b",
                "/apps/loyalty/%2e%2e/webhooks")) {
            assertThatThrownBy(() -> FakeAppProxy.proxiedPath(uri)).as(uri).isInstanceOf(ResponseStatusException.class);
        }
    }
}
