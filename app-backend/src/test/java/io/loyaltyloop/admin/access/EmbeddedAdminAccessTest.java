package io.loyaltyloop.admin.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.loyaltyloop.shop.Shop;
import io.loyaltyloop.shopify.auth.SessionTokens;
import io.loyaltyloop.system.PageClient;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The admin embedded in Shopify admin: the first document load carries {@code id_token}, htmx
 * requests carry {@code Authorization: Bearer}. Each rejection answers without showing anything.
 */
class EmbeddedAdminAccessTest extends AdminWebTest {

    Shop shop;

    @BeforeEach
    void installedShopWithTwoMembers() {
        shop = AdminFixtures.shopWithMembers(dsl, loyalty, 2);
    }

    @Test
    void theFirstDocumentLoadWithAnIdTokenShowsTheWholeDashboardOfThatShop() {
        HttpResponse<String> page = client.get("/admin?embedded=1&shop=" + shop.platformShopKey()
                + "&host=YWRtaW4uc2hvcGlmeS5jb20vc3RvcmUvdGVzdA&id_token=" + token(shop));

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<html", "<nav", shop.name(), ">2<", "Members");
        assertThat(page.body()).contains("name=\"shopify-api-key\" content=\"" + SessionTokens.API_KEY + "\"");
        // The embedded user is the owner, who may change settings; no CSRF token (the bearer token stands in).
        assertThat(page.body()).contains("Send alerts to").doesNotContain("csrf-token");
        assertThat(page.headers().firstValue("Content-Security-Policy"))
                .hasValueSatisfying(csp -> assertThat(csp)
                        .contains("frame-ancestors https://" + shop.platformShopKey() + " https://admin.shopify.com")
                        .contains("script-src 'self' https://cdn.shopify.com"));
        assertThat(page.headers().firstValue("X-Frame-Options")).isEmpty();
        assertThat(page.headers().firstValue("Set-Cookie")).isEmpty();
    }

    @Test
    void anHtmxRequestWithABearerTokenGetsOnlyTheFragment() {
        HttpResponse<String> fragment = client.get("/admin", "HX-Request", "true", "Authorization", bearer(shop));

        assertThat(fragment.statusCode()).isEqualTo(200);
        assertThat(fragment.body())
                .contains("Dashboard", shop.name(), "Members")
                .doesNotContain("<html", "<nav");
    }

    @Test
    void everyScreenAnswersTheEmbeddedOwnersHtmxRequestWithItsFragment() {
        for (String screen :
                List.of("program", "program/rewards", "program/tiers", "customers", "reviews", "emails", "activity")) {
            HttpResponse<String> fragment =
                    client.get("/admin/" + screen, "HX-Request", "true", "Authorization", bearer(shop));

            assertThat(fragment.statusCode()).as(screen).isEqualTo(200);
            assertThat(fragment.body()).as(screen).contains("page-title").doesNotContain("<html");
        }
    }

    @Test
    void theEmbeddedOwnerChangesASettingWithTheBearerTokenAndNoCsrfToken() {
        HttpResponse<String> saved = client.post(
                "/admin/settings/contact-email",
                PageClient.form("email", "owner@embedded.test"),
                "HX-Request",
                "true",
                "Authorization",
                bearer(shop));

        assertThat(saved.statusCode()).isEqualTo(200);
        assertThat(saved.body()).contains("owner@embedded.test", "Saved.").doesNotContain("<html");
        assertThat(shops.contactEmail(shop.id())).contains("owner@embedded.test");
    }

    @Test
    void aRequestWithoutTokenOrSessionIsSentToTheLoginPage() {
        HttpResponse<String> answer = client.get("/admin");

        assertThat(answer.statusCode()).isEqualTo(302);
        assertThat(answer.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/admin/login"));
    }

    @Test
    void anHtmxRequestWithoutTokenOrSessionGets401() {
        HttpResponse<String> answer = client.get("/admin", "HX-Request", "true");

        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(answer.body()).doesNotContain(shop.name());
    }

    @Test
    void anExpiredTokenIsRefusedWithTheRetryHeader() {
        String expired = SessionTokens.token(
                SHOPIFY_SECRET,
                shop.platformShopKey(),
                clock.instant().minusSeconds(600),
                claims -> claims.expirationTime(Date.from(clock.instant().minusSeconds(540))));

        assertInvalidSession(client.get("/admin", "HX-Request", "true", "Authorization", "Bearer " + expired));
    }

    @Test
    void aTokenSignedWithAnotherSecretIsRefusedWithTheRetryHeader() {
        String forged = SessionTokens.token(
                "an-attacker-made-this-secret-up-32-bytes-long!", shop.platformShopKey(), clock.instant());

        assertInvalidSession(client.get("/admin", "Authorization", "Bearer " + forged));
    }

    @Test
    void aTokenForAnotherAppIsRefusedWithTheRetryHeader() {
        String otherApp = SessionTokens.token(
                SHOPIFY_SECRET, shop.platformShopKey(), clock.instant(), claims -> claims.audience("another-app"));

        assertInvalidSession(client.get("/admin", "Authorization", "Bearer " + otherApp));
    }

    @Test
    void aMalformedIdTokenOnTheFirstLoadIsRefusedWithTheRetryHeader() {
        assertInvalidSession(client.get("/admin?id_token=" + URLEncoder.encode("not.a.jwt", StandardCharsets.UTF_8)));
    }

    @Test
    void aValidTokenOfAShopThatUninstalledIsReinstalledWhichThisBackendWithoutTokenKeyCannot() {
        // EmbeddedInstallTest reinstalls with a token key; the shared backend has none.
        shops.uninstall(shop.id(), clock.instant());

        HttpResponse<String> answer = client.get("/admin", "Authorization", bearer(shop));

        assertThat(answer.statusCode()).isEqualTo(503);
        assertThat(answer.headers().firstValue(EmbeddedSessionFilter.RETRY_HEADER))
                .isEmpty();
        assertThat(answer.body()).doesNotContain(shop.name());
        assertThat(shops.getShop(shop.id()).active()).isFalse();
    }

    @Test
    void aTokenOfShopACannotReadACustomerOfShopB() {
        Shop other = AdminFixtures.shopWithMembers(dsl, loyalty, 0);
        String othersCustomer = AdminFixtures.customerOf(other, loyalty);
        String ownCustomer = AdminFixtures.customerOf(shop, loyalty);

        HttpResponse<String> own = client.get("/admin/customers/" + ownCustomer, "Authorization", bearer(shop));
        HttpResponse<String> foreign = client.get("/admin/customers/" + othersCustomer, "Authorization", bearer(shop));

        assertThat(own.statusCode()).isEqualTo(200);
        assertThat(foreign.statusCode()).isEqualTo(404);
    }

    @Test
    void aTokenOfShopAChangesOnlyShopAWhateverTheFormSays() {
        Shop other = AdminFixtures.shopWithMembers(dsl, loyalty, 0);
        shops.updateContactEmail(other.id(), "owner@other.test", "test");

        client.post(
                "/admin/settings/contact-email",
                PageClient.form(
                        "email",
                        "mine@a.test",
                        "shop",
                        other.platformShopKey(),
                        "shopId",
                        "" + other.id().value()),
                "Authorization",
                bearer(shop));

        assertThat(shops.contactEmail(shop.id())).contains("mine@a.test");
        assertThat(shops.contactEmail(other.id())).contains("owner@other.test");
    }

    private void assertInvalidSession(HttpResponse<String> answer) {
        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(answer.headers().firstValue(EmbeddedSessionFilter.RETRY_HEADER))
                .contains("1");
        assertThat(answer.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(answer.body()).doesNotContain(shop.name());
    }

    private String token(Shop shop) {
        return SessionTokens.token(SHOPIFY_SECRET, shop.platformShopKey(), clock.instant());
    }

    private String bearer(Shop shop) {
        return "Bearer " + token(shop);
    }
}
