package io.loyaltyloop.admin.access;

import static io.loyaltyloop.admin.access.AdminFixtures.PASSWORD;
import static io.loyaltyloop.db.Tables.AUDIT_LOG;
import static org.assertj.core.api.Assertions.assertThat;

import io.loyaltyloop.broadleaf.BroadleafFixtures;
import io.loyaltyloop.broadleaf.site.BroadleafSites;
import io.loyaltyloop.shop.Shop;
import io.loyaltyloop.system.PageClient;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The standalone admin's Broadleaf connection page: the OWNER of a Broadleaf site sees its id and URL
 * and rotates the secret, shown once; STAFF, other shops and forms without CSRF change nothing.
 */
class BroadleafConnectionScreenTest extends AdminWebTest {

    private static final Pattern SHOWN_SECRET =
            Pattern.compile("id=\"secret-value\"[^>]*value=\"([A-Za-z0-9_-]{43})\"");

    @Autowired
    AdminAccounts accounts;

    @Autowired
    BroadleafSites sites;

    private BroadleafSites.Registered site;
    private Shop shop;

    @BeforeEach
    void aSiteWithAnOwnerAndAStaffMember() {
        site = BroadleafFixtures.register(sites, "https://heat.example.com");
        shop = site.site().shop();
        accounts.create(shop.id(), "owner@heat.test", PASSWORD, AdminRole.OWNER);
        accounts.create(shop.id(), "staff@heat.test", PASSWORD, AdminRole.STAFF);
    }

    @Test
    void theOwnerSeesTheSiteAsAWholePageOrAsTheContentButNeverTheSecret() {
        login("owner@heat.test");

        HttpResponse<String> page = client.get("/admin/broadleaf");
        HttpResponse<String> fragment = client.get("/admin/broadleaf", "HX-Request", "true");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("<html", site.site().siteId(), "https://heat.example.com", "Make a new secret")
                .contains("name=\"_csrf\"")
                .doesNotContain(site.secret(), "id=\"new-secret\"");
        assertThat(fragment.statusCode()).isEqualTo(200);
        assertThat(fragment.body()).contains(site.site().siteId()).doesNotContain("<html");
    }

    @Test
    void onlyTheOwnerOfABroadleafSiteIsLinkedToThePage() {
        login("owner@heat.test");
        assertThat(client.get("/admin").body()).contains("href=\"/admin/broadleaf\"");

        login("staff@heat.test");
        assertThat(client.get("/admin").body()).doesNotContain("href=\"/admin/broadleaf\"");
    }

    @Test
    void rotatingShowsTheNewSecretOnceKeepsTheOldOneFor24HoursAndIsAudited() {
        login("owner@heat.test");

        HttpResponse<String> answer =
                client.postWithCsrf("/admin/broadleaf", "/admin/broadleaf/rotate", Map.of(), "HX-Request", "true");

        assertThat(answer.statusCode()).isEqualTo(200);
        Matcher shown = SHOWN_SECRET.matcher(answer.body());
        assertThat(shown.find()).as(answer.body()).isTrue();
        assertThat(sites.acceptedSecrets(shop.id())).containsExactly(shown.group(1), site.secret());
        assertThat(answer.body()).contains("id=\"previous-secret\"");
        assertThat(client.get("/admin/broadleaf").body()).doesNotContain(shown.group(1));
        assertThat(audits()).isOne();
    }

    @Test
    void aPlainFormGetsThePageWithTheSecretInsteadOfARedirectThatWouldLoseIt() {
        login("owner@heat.test");

        HttpResponse<String> answer = client.postWithCsrf("/admin/broadleaf", "/admin/broadleaf/rotate", Map.of());

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(SHOWN_SECRET.matcher(answer.body()).find()).isTrue();
        assertThat(answer.body()).contains("<html");
    }

    @Test
    void staffCannotSeeTheConnectionOrRotate() {
        login("staff@heat.test");

        assertThat(client.get("/admin/broadleaf").statusCode()).isEqualTo(403);
        HttpResponse<String> dashboard = client.get("/admin");
        String csrf = AdminClient.csrfTokenOf(dashboard.body());
        assertThat(client.post("/admin/broadleaf/rotate", PageClient.form("_csrf", csrf), "HX-Request", "true")
                        .statusCode())
                .isEqualTo(403);
        assertNotRotated();
    }

    @Test
    void aRotationWithoutCsrfIsRefused() {
        login("owner@heat.test");

        HttpResponse<String> answer = client.post("/admin/broadleaf/rotate", Map.of(), "HX-Request", "true");

        assertThat(answer.statusCode()).isEqualTo(403);
        assertNotRotated();
    }

    @Test
    void aShopifyShopHasNoBroadleafPage() {
        Shop shopify = AdminFixtures.shopWithMembers(dsl, loyalty, 0);
        accounts.create(shopify.id(), "owner@shopify.test", PASSWORD, AdminRole.OWNER);
        client.login(shopify.platformShopKey(), "owner@shopify.test", PASSWORD);

        assertThat(client.get("/admin").body()).doesNotContain("href=\"/admin/broadleaf\"");
        assertThat(client.get("/admin/broadleaf").statusCode()).isEqualTo(404);
        assertThat(client.postWithCsrf("/admin", "/admin/broadleaf/rotate", Map.of(), "HX-Request", "true")
                        .statusCode())
                .isEqualTo(404);
        assertNotRotated();
    }

    private void assertNotRotated() {
        assertThat(sites.acceptedSecrets(shop.id())).containsExactly(site.secret());
        assertThat(audits()).isZero();
    }

    private int audits() {
        return dsl.fetchCount(
                AUDIT_LOG, AUDIT_LOG.SHOP_ID.eq(shop.id().value()).and(AUDIT_LOG.ACTION.eq("broadleaf.secret.rotate")));
    }

    private void login(String email) {
        client.login(shop.platformShopKey(), email, PASSWORD);
    }
}
