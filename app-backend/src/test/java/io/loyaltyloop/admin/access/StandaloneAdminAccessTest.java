package io.loyaltyloop.admin.access;

import static io.loyaltyloop.admin.access.AdminFixtures.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import io.loyaltyloop.shop.Shop;
import io.loyaltyloop.system.PageClient;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The standalone admin: form login with a local account, a session cookie, CSRF on every form. */
class StandaloneAdminAccessTest extends AdminWebTest {

    @Autowired
    AdminAccounts accounts;

    Shop shop;

    @BeforeEach
    void shopWithAnOwnerAndAStaffMember() {
        shop = AdminFixtures.shopWithMembers(dsl, loyalty, 3);
        accounts.create(shop.id(), "Owner@Shop.test", PASSWORD, AdminRole.OWNER);
        accounts.create(shop.id(), "staff@shop.test", PASSWORD, AdminRole.STAFF);
        shops.updateContactEmail(shop.id(), "alerts@shop.test", "test");
    }

    @Test
    void theLoginPageIsAFormWithACsrfTokenThatNoSiteMayFrame() {
        HttpResponse<String> login = client.get("/admin/login");

        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.body()).contains("name=\"shop\"", "name=\"email\"", "name=\"password\"", "name=\"_csrf\"");
        assertThat(login.headers().firstValue("Content-Security-Policy"))
                .hasValueSatisfying(csp -> assertThat(csp).contains("frame-ancestors 'none'", "script-src 'self';"));
    }

    @Test
    void anOwnerLogsInAndSeesTheWholeDashboardOfTheirShop() {
        HttpResponse<String> login = client.login(shop.platformShopKey().toUpperCase(), "owner@shop.test", PASSWORD);

        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/admin"));
        assertThat(login.headers().allValues("Set-Cookie"))
                .anySatisfy(cookie -> assertThat(cookie)
                        .startsWith("JSESSIONID=")
                        .contains("HttpOnly")
                        .containsIgnoringCase("SameSite=Lax"));
        HttpResponse<String> dashboard = client.get("/admin");
        assertThat(dashboard.statusCode()).isEqualTo(200);
        assertThat(dashboard.body())
                .contains("<html", "<nav", "Skip to content", shop.name(), ">3<", "Send alerts to", "Log out")
                .contains("name=\"csrf-token\"");
        assertThat(dashboard.headers().firstValue("Content-Security-Policy"))
                .hasValueSatisfying(csp -> assertThat(csp).contains("frame-ancestors 'none'"));
    }

    @Test
    void anHtmxRequestOfALoggedInUserGetsOnlyTheFragment() {
        client.login(shop.platformShopKey(), "staff@shop.test", PASSWORD);

        HttpResponse<String> fragment = client.get("/admin/program", "HX-Request", "true");

        assertThat(fragment.statusCode()).isEqualTo(200);
        assertThat(fragment.body())
                .contains("Program", "Earning rules")
                .doesNotContain("<html", "aria-label=\"Loyalty admin\"");
    }

    @Test
    void htmxHistoryRestoreGetsTheWholePage() {
        client.login(shop.platformShopKey(), "staff@shop.test", PASSWORD);

        HttpResponse<String> page =
                client.get("/admin/emails", "HX-Request", "true", "HX-History-Restore-Request", "true");

        assertThat(page.body()).contains("<html", "<nav", "What your customers receive");
    }

    @Test
    void aWrongPasswordSendsBackToTheLoginFormAndOpensNothing() {
        HttpResponse<String> login = client.login(shop.platformShopKey(), "owner@shop.test", PASSWORD + "!");

        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/admin/login?error"));
        assertThat(client.get("/admin").statusCode()).isEqualTo(302);
        assertThat(client.get("/admin/login?error").body()).contains("The store, email or password is not right.");
    }

    @Test
    void anUnknownEmailIsRefusedLikeAWrongPassword() {
        HttpResponse<String> login = client.login(shop.platformShopKey(), "nobody@shop.test", PASSWORD);

        assertThat(login.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/admin/login?error"));
        assertThat(client.get("/admin").statusCode()).isEqualTo(302);
    }

    @Test
    void anAccountOfOneShopCannotLogInToAnother() {
        Shop other = AdminFixtures.shopWithMembers(dsl, loyalty, 0);

        HttpResponse<String> login = client.login(other.platformShopKey(), "owner@shop.test", PASSWORD);

        assertThat(login.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/admin/login?error"));
    }

    @Test
    void aLoginWithoutTheCsrfTokenIsRefused() {
        HttpResponse<String> login = client.post(
                "/admin/login",
                PageClient.form("shop", shop.platformShopKey(), "email", "owner@shop.test", "password", PASSWORD));

        assertThat(login.statusCode()).isEqualTo(403);
        assertThat(client.get("/admin").statusCode()).isEqualTo(302);
    }

    @Test
    void anOwnersFormPostWithoutTheCsrfTokenIsRefusedAndChangesNothing() {
        client.login(shop.platformShopKey(), "owner@shop.test", PASSWORD);

        HttpResponse<String> post =
                client.post("/admin/settings/contact-email", PageClient.form("email", "forged@evil.test"));

        assertThat(post.statusCode()).isEqualTo(403);
        assertThat(shops.contactEmail(shop.id())).contains("alerts@shop.test");
    }

    @Test
    void anOwnerChangesASettingWithTheCsrfToken() {
        client.login(shop.platformShopKey(), "owner@shop.test", PASSWORD);

        HttpResponse<String> post = client.postWithCsrf(
                "/admin", "/admin/settings/contact-email", PageClient.form("email", "new@shop.test"));

        assertThat(post.statusCode()).isEqualTo(302);
        assertThat(shops.contactEmail(shop.id())).contains("new@shop.test");
    }

    @Test
    void staffMayReadButAWriteIsRefusedAndChangesNothing() {
        client.login(shop.platformShopKey(), "staff@shop.test", PASSWORD);
        HttpResponse<String> dashboard = client.get("/admin");
        assertThat(dashboard.statusCode()).isEqualTo(200);
        assertThat(dashboard.body()).doesNotContain("Send alerts to");

        HttpResponse<String> post = client.post(
                "/admin/settings/contact-email",
                PageClient.form("email", "staff@shop.test", "_csrf", AdminClient.csrfTokenOf(dashboard.body())));

        assertThat(post.statusCode()).isEqualTo(403);
        assertThat(shops.contactEmail(shop.id())).contains("alerts@shop.test");
    }

    @Test
    void anAccountOfShopACannotReadACustomerOfShopB() {
        Shop other = AdminFixtures.shopWithMembers(dsl, loyalty, 0);
        String othersCustomer = AdminFixtures.customerOf(other, loyalty);
        String ownCustomer = AdminFixtures.customerOf(shop, loyalty);
        client.login(shop.platformShopKey(), "staff@shop.test", PASSWORD);

        assertThat(client.get("/admin/customers/" + ownCustomer).statusCode()).isEqualTo(200);
        assertThat(client.get("/admin/customers/" + othersCustomer).statusCode())
                .isEqualTo(404);
    }

    @Test
    void anAccountOfShopAChangesOnlyShopAWhateverTheFormSays() {
        Shop other = AdminFixtures.shopWithMembers(dsl, loyalty, 0);
        shops.updateContactEmail(other.id(), "owner@other.test", "test");
        client.login(shop.platformShopKey(), "owner@shop.test", PASSWORD);

        client.postWithCsrf(
                "/admin",
                "/admin/settings/contact-email",
                PageClient.form(
                        "email",
                        "mine@a.test",
                        "shop",
                        other.platformShopKey(),
                        "shopId",
                        "" + other.id().value()));

        assertThat(shops.contactEmail(shop.id())).contains("mine@a.test");
        assertThat(shops.contactEmail(other.id())).contains("owner@other.test");
    }

    @Test
    void afterLogoutTheSessionOpensNothing() {
        client.login(shop.platformShopKey(), "owner@shop.test", PASSWORD);

        HttpResponse<String> logout = client.postWithCsrf("/admin", "/admin/logout", PageClient.form());

        assertThat(logout.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/admin/login?logout"));
        assertThat(client.get("/admin").statusCode()).isEqualTo(302);
    }

    @Test
    void pathsOutsideTheAdminKeepNoSecurityChain() {
        HttpResponse<String> health = client.get("/actuator/health");

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.headers().firstValue("Set-Cookie")).isEmpty();
        assertThat(health.headers().firstValue("X-Frame-Options")).isEmpty();
        assertThat(client.get("/webjars/htmx.org/dist/htmx.min.js").statusCode())
                .isEqualTo(200);
    }
}
