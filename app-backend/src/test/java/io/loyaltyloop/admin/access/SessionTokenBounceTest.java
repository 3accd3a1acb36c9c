package io.loyaltyloop.admin.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.loyaltyloop.shop.Shop;
import io.loyaltyloop.shopify.auth.SessionTokens;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * An embedded document load without a valid {@code id_token} (a reload of a URL App Bridge's
 * history left in the iframe) goes to Shopify's bounce page, which reloads it with a fresh token;
 * htmx requests keep their 401, and the bounce page reloads nothing but our own admin pages.
 */
class SessionTokenBounceTest extends AdminWebTest {

    /** base64 of admin.shopify.com/store/test, as Shopify sends {@code host}. */
    private static final String HOST = "YWRtaW4uc2hvcGlmeS5jb20vc3RvcmUvdGVzdA";

    Shop shop;
    String embedded;

    @BeforeEach
    void installedShop() {
        shop = AdminFixtures.shopWithMembers(dsl, loyalty, 0);
        embedded = "embedded=1&shop=" + shop.platformShopKey() + "&host=" + HOST;
    }

    @Test
    void aReloadWithoutIdTokenIsSentToTheBouncePageWhichReloadsTheSamePage() {
        HttpResponse<String> answer = client.get("/admin/customers/42?" + embedded);

        assertThat(answer.statusCode()).isEqualTo(302);
        String location = answer.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith("/admin/session-token?");
        assertThat(reloadOf(location)).isEqualTo(APP_URL + "/admin/customers/42?" + embedded);
        assertThat(answer.body()).doesNotContain(shop.name());
    }

    @Test
    void aReloadWithAnExpiredIdTokenBouncesWithoutTheStaleToken() {
        String stale = SessionTokens.token(
                SHOPIFY_SECRET, shop.platformShopKey(), clock.instant().minusSeconds(600));

        HttpResponse<String> answer = client.get("/admin/customers?q=ann&" + embedded + "&id_token=" + stale);

        assertThat(answer.statusCode()).isEqualTo(302);
        String reload = reloadOf(answer.headers().firstValue("Location").orElseThrow());
        assertThat(reload)
                .isEqualTo(APP_URL + "/admin/customers?q=ann&" + embedded)
                .doesNotContain("id_token");
    }

    @Test
    void theBouncePageIsAppBridgeAloneUnderTheEmbeddedPolicy() {
        String location = client.get("/admin/customers/42?" + embedded)
                .headers()
                .firstValue("Location")
                .orElseThrow();

        HttpResponse<String> page = client.get(location);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("<meta name=\"shopify-api-key\" content=\"" + SessionTokens.API_KEY + "\">")
                .contains("<script src=\"https://cdn.shopify.com/shopifycloud/app-bridge.js\"></script>")
                .doesNotContain(shop.name());
        // No inline script: the only <script> has a src.
        assertThat(page.body().split("<script").length).isEqualTo(2);
        assertThat(page.headers().firstValue("Content-Security-Policy"))
                .hasValueSatisfying(csp -> assertThat(csp)
                        .contains("script-src 'self' https://cdn.shopify.com;")
                        .contains("frame-ancestors https://" + shop.platformShopKey() + " https://admin.shopify.com")
                        .doesNotContain("unsafe-inline"));
        assertThat(page.headers().firstValue("Set-Cookie")).isEmpty();
    }

    @Test
    void anHtmxRequestWithAnInvalidTokenStillGets401WithTheRetryHeader() {
        HttpResponse<String> answer = client.get(
                "/admin/customers/42?" + embedded, "HX-Request", "true", "Authorization", "Bearer not.a.jwt");

        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(answer.headers().firstValue(EmbeddedSessionFilter.RETRY_HEADER))
                .contains("1");
    }

    @Test
    void aDocumentLoadThatDoesNotSayItIsEmbeddedGoesToTheLogin() {
        HttpResponse<String> answer =
                client.get("/admin/customers/42?shop=" + shop.platformShopKey() + "&host=" + HOST);

        assertThat(answer.statusCode()).isEqualTo(302);
        assertThat(answer.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/admin/login"));
    }

    static Stream<String> notShopifyLooking() {
        return Stream.of(
                "embedded=1&shop=evil.example&host=" + HOST,
                "embedded=1&shop=x.myshopify.com.evil.example&host=" + HOST,
                "embedded=1&shop=x.myshopify.com&host=" + b64("evil.example/store/x"),
                "embedded=1&shop=x.myshopify.com");
    }

    @ParameterizedTest
    @MethodSource("notShopifyLooking")
    void anEmbeddedClaimWithoutAShopifyLookingShopAndHostIsNoBounce(String query) {
        HttpResponse<String> answer = client.get("/admin?" + query);

        assertThat(answer.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/admin/login"));
    }

    static Stream<String> foreignTargets() {
        return Stream.of(
                "https://evil.example/admin",
                "//evil.example/admin",
                "/admin/customers",
                "https://loyalty-loop.test.evil.example/admin",
                "https://loyalty-loop.test@evil.example/admin",
                "https://loyalty-loop.test:8443/admin",
                "http://loyalty-loop.test/admin",
                "https://loyalty-loop.test/administrator",
                "https://loyalty-loop.test/admin/../webhooks",
                "https://loyalty-loop.test/admin/%2e%2e/webhooks",
                "https://loyalty-loop.test/admin//evil.example",
                "https://loyalty-loop.test/admin/\\evil.example",
                "https://loyalty-loop.test/admin#x",
                "https://loyalty-loop.test/admin/session-token",
                "javascript:alert(1)//https://loyalty-loop.test/admin",
                "");
    }

    @ParameterizedTest
    @MethodSource("foreignTargets")
    void theBouncePageRefusesToReloadAnythingButOurOwnAdminPages(String target) {
        HttpResponse<String> answer =
                client.get("/admin/session-token?" + embedded + "&shopify-reload=" + encode(target));

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).doesNotContain("app-bridge.js");
    }

    @Test
    void theBouncePageRefusesAShopThatIsNoShopifyDomain() {
        HttpResponse<String> answer = client.get("/admin/session-token?embedded=1&shop="
                + encode("x.myshopify.com; script-src *") + "&host=" + HOST + "&shopify-reload="
                + encode(APP_URL + "/admin"));

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.headers().firstValue("Content-Security-Policy"))
                .hasValueSatisfying(csp -> assertThat(csp).doesNotContain("script-src *"));
    }

    private static String reloadOf(String location) {
        String encoded = location.substring(location.indexOf("shopify-reload=") + "shopify-reload=".length());
        return URLDecoder.decode(encoded, StandardCharsets.UTF_8);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String b64(String value) {
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(value.getBytes(StandardCharsets.UTF_8));
    }
}
