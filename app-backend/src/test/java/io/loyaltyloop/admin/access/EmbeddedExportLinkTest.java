package io.loyaltyloop.admin.access;

import static io.loyaltyloop.admin.access.AdminFixtures.PASSWORD;
import static io.loyaltyloop.db.Tables.AUDIT_LOG;
import static org.assertj.core.api.Assertions.assertThat;

import io.loyaltyloop.shop.Shop;
import io.loyaltyloop.shopify.auth.SessionTokens;
import io.loyaltyloop.system.PageClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The GDPR export in the embedded admin: htmx (with the session token) asks for a signed link valid
 * five minutes, which the browser opens as a plain navigation. Expired, forged, re-purposed and
 * other-shop links are refused.
 */
class EmbeddedExportLinkTest extends AdminWebTest {

    @Autowired
    SignedLinks links;

    @Autowired
    AdminAccounts accounts;

    Shop shop;
    String customer;

    @BeforeEach
    void shopWithACustomer() {
        shop = AdminFixtures.shopWithMembers(dsl, loyalty, 0);
        customer = AdminFixtures.customerOf(shop, loyalty);
    }

    @Test
    void theEmbeddedPageAsksForALinkWithHtmxAndTheStandalonePagePostsAForm() {
        HttpResponse<String> embedded =
                client.get("/admin/customers/" + customer, "HX-Request", "true", "Authorization", bearer());
        accounts.create(shop.id(), "owner@export.test", PASSWORD, AdminRole.OWNER);
        client.login(shop.platformShopKey(), "owner@export.test", PASSWORD);
        HttpResponse<String> standalone = client.get("/admin/customers/" + customer);

        assertThat(embedded.body()).contains("hx-post=\"/admin/customers/" + customer + "/export-link\"");
        assertThat(standalone.body())
                .contains("action=\"/admin/customers/" + customer + "/export\"")
                .doesNotContain("/export-link\"");
    }

    @Test
    void theEmbeddedOwnerGetsAFiveMinuteLinkThatDownloadsWithoutASession() {
        HttpResponse<String> answer = askForLink();

        assertThat(answer.statusCode()).isEqualTo(200);
        String link = answer.headers().firstValue("HX-Redirect").orElseThrow();
        assertThat(link).startsWith("/admin/customers/exports/");
        assertThat(answer.body()).contains("href=\"" + link + "\"").doesNotContain("<html");
        assertThat(dsl.fetchCount(
                        AUDIT_LOG,
                        AUDIT_LOG.SHOP_ID.eq(shop.id().value()).and(AUDIT_LOG.ACTION.eq("customer.exported"))))
                .isEqualTo(1);

        HttpResponse<String> download = new AdminClient(port).get(link);

        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.headers().firstValue("Content-Disposition"))
                .hasValueSatisfying(d -> assertThat(d).startsWith("attachment").contains("customer-" + customer));
        assertThat(download.body()).contains("\"ledger\"", "\"orders\"");
    }

    @Test
    void anExpiredLinkIsForbidden() {
        String link = askForLink().headers().firstValue("HX-Redirect").orElseThrow();

        clock.advance(Duration.ofMinutes(5).plusSeconds(1));

        assertThat(new AdminClient(port).get(link).statusCode()).isEqualTo(403);
    }

    @Test
    void aForgedLinkIsForbidden() {
        String link = askForLink().headers().firstValue("HX-Redirect").orElseThrow();
        char last = link.charAt(link.length() - 1);
        String tampered = link.substring(0, link.length() - 1) + (last == 'A' ? 'B' : 'A');

        assertThat(new AdminClient(port).get(tampered).statusCode()).isEqualTo(403);
        assertThat(new AdminClient(port)
                        .get("/admin/customers/exports/not-a-token")
                        .statusCode())
                .isEqualTo(403);
    }

    @Test
    void aTokenSignedForAnotherPurposeIsForbidden() {
        String review = links.sign(
                "review",
                shop.id().value() + "/admin-x/" + customer,
                clock.instant().plusSeconds(60));

        assertThat(new AdminClient(port)
                        .get("/admin/customers/exports/" + review)
                        .statusCode())
                .isEqualTo(403);
    }

    @Test
    void aLinkNamingAnotherShopFindsNothing() {
        String link = askForLink().headers().firstValue("HX-Redirect").orElseThrow();
        String requestId = links.verify(
                        "admin-customer-export", link.substring(link.lastIndexOf('/') + 1), clock.instant())
                .orElseThrow()
                .split("/")[1];
        Shop other = AdminFixtures.shopWithMembers(dsl, loyalty, 0);
        String foreign = links.sign(
                "admin-customer-export",
                other.id().value() + "/" + requestId + "/" + customer,
                clock.instant().plusSeconds(60));

        assertThat(new AdminClient(port)
                        .get("/admin/customers/exports/" + foreign)
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void anotherShopsCustomerGetsNoLinkAndNothingIsExported() {
        Shop other = AdminFixtures.shopWithMembers(dsl, loyalty, 0);
        String foreign = AdminFixtures.customerOf(other, loyalty);

        HttpResponse<String> answer = client.post(
                "/admin/customers/" + foreign + "/export-link",
                PageClient.form(),
                "HX-Request",
                "true",
                "Authorization",
                bearer());

        assertThat(answer.statusCode()).isEqualTo(404);
        assertThat(answer.headers().firstValue("HX-Redirect")).isEmpty();
        assertThat(dsl.fetchCount(
                        AUDIT_LOG,
                        AUDIT_LOG
                                .ACTION
                                .eq("customer.exported")
                                .and(AUDIT_LOG.SHOP_ID.in(
                                        shop.id().value(), other.id().value()))))
                .isZero();
    }

    @Test
    void staffCannotAskForALink() {
        accounts.create(shop.id(), "staff@export.test", PASSWORD, AdminRole.STAFF);
        client.login(shop.platformShopKey(), "staff@export.test", PASSWORD);

        HttpResponse<String> answer = client.postWithCsrf(
                "/admin/customers/" + customer,
                "/admin/customers/" + customer + "/export-link",
                PageClient.form(),
                "HX-Request",
                "true");

        assertThat(answer.statusCode()).isEqualTo(403);
        assertThat(dsl.fetchCount(
                        AUDIT_LOG,
                        AUDIT_LOG.SHOP_ID.eq(shop.id().value()).and(AUDIT_LOG.ACTION.eq("customer.exported"))))
                .isZero();
    }

    private HttpResponse<String> askForLink() {
        return client.post(
                "/admin/customers/" + customer + "/export-link",
                PageClient.form(),
                "HX-Request",
                "true",
                "Authorization",
                bearer());
    }

    private String bearer() {
        return "Bearer " + SessionTokens.token(SHOPIFY_SECRET, shop.platformShopKey(), clock.instant());
    }
}
