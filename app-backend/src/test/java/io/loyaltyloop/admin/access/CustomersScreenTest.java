package io.loyaltyloop.admin.access;

import static io.loyaltyloop.admin.access.AdminFixtures.PASSWORD;
import static io.loyaltyloop.db.Tables.AUDIT_LOG;
import static io.loyaltyloop.db.Tables.CUSTOMER;
import static io.loyaltyloop.db.Tables.POINTS_LEDGER;
import static org.assertj.core.api.Assertions.assertThat;

import io.loyaltyloop.loyalty.Balance;
import io.loyaltyloop.loyalty.ManualAdjustment;
import io.loyaltyloop.shop.Shop;
import io.loyaltyloop.system.PageClient;
import io.loyaltyloop.testing.Orders;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The customers screen over HTTP (package of the admin's test client): search, detail, manual
 * adjustment, GDPR export; with and without htmx, and never across shops.
 */
class CustomersScreenTest extends AdminWebTest {

    @Autowired
    AdminAccounts accounts;

    Shop shop;
    String ada;

    @BeforeEach
    void shopWithCustomersAnOwnerAndAStaffMember() {
        shop = AdminFixtures.shopWithMembers(dsl, loyalty, 2);
        ada = AdminFixtures.customerOf(shop, loyalty);
        name(shop, ada, "ottilie@example.test", "Ottilie", "Featherstone");
        accounts.create(shop.id(), "owner@shop.test", PASSWORD, AdminRole.OWNER);
        accounts.create(shop.id(), "staff@shop.test", PASSWORD, AdminRole.STAFF);
    }

    // search

    @Test
    void theSearchFindsACustomerByEmailNameOrIdAsAWholePage() {
        client.login(shop.platformShopKey(), "staff@shop.test", PASSWORD);

        for (String q : new String[] {"OTTILIE@example", "feather", ada}) {
            HttpResponse<String> page =
                    client.get("/admin/customers?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8));
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body())
                    .contains(
                            "<html",
                            "<nav",
                            "Ottilie Featherstone",
                            "ottilie@example.test",
                            "keyup changed delay:300ms");
        }
        assertThat(client.get("/admin/customers?q=nobody-like-this").body())
                .contains("No customer matches")
                .doesNotContain("Ottilie Featherstone");
    }

    @Test
    void theLiveSearchGetsOnlyTheResultsAndANavigationOnlyTheContent() {
        client.login(shop.platformShopKey(), "staff@shop.test", PASSWORD);

        HttpResponse<String> results =
                client.get("/admin/customers?q=featherstone", "HX-Request", "true", "HX-Target", "customer-results");
        HttpResponse<String> content = client.get("/admin/customers", "HX-Request", "true", "HX-Target", "main");

        assertThat(results.statusCode()).isEqualTo(200);
        assertThat(results.body())
                .contains("id=\"customer-results\"", "Ottilie Featherstone")
                .doesNotContain("<html", "role=\"search\"");
        assertThat(content.body())
                .contains("role=\"search\"", "id=\"customer-results\"")
                .doesNotContain("<html", "<nav");
    }

    @Test
    void theSearchIsPaginated() {
        client.login(shop.platformShopKey(), "staff@shop.test", PASSWORD);

        String first = client.get("/admin/customers?size=2").body();
        String second = client.get("/admin/customers?size=2&page=2").body();

        assertThat(first).contains("Ottilie Featherstone", "Next page").doesNotContain("Previous page");
        assertThat(second).contains("Previous page").doesNotContain("Ottilie Featherstone", "Next page");
    }

    @Test
    void aPageThatIsNotAPositiveNumberIsABadRequest() {
        client.login(shop.platformShopKey(), "staff@shop.test", PASSWORD);

        for (String page : new String[] {"0", "-1", "abc", "201"}) {
            HttpResponse<String> answer = client.get("/admin/customers?page=" + page);
            assertThat(answer.statusCode()).isEqualTo(400);
            assertThat(answer.body()).contains("page must be a whole number from 1 to 200");
        }
    }

    @Test
    void aPageSizeOutOfBoundsIsABadRequest() {
        client.login(shop.platformShopKey(), "staff@shop.test", PASSWORD);

        for (String size : new String[] {"0", "101", "ten"}) {
            HttpResponse<String> answer = client.get("/admin/customers?size=" + size);
            assertThat(answer.statusCode()).isEqualTo(400);
            assertThat(answer.body()).contains("size must be a whole number from 1 to 100");
        }
    }

    @Test
    void aSearchLongerThan100CharactersIsABadRequest() {
        client.login(shop.platformShopKey(), "staff@shop.test", PASSWORD);

        HttpResponse<String> answer = client.get("/admin/customers?q=" + "a".repeat(101));

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains("limited to 100 characters");
    }

    @Test
    void aSearchNeverShowsAnotherShopsCustomers() {
        Shop other = AdminFixtures.shopWithMembers(dsl, loyalty, 0);
        name(other, AdminFixtures.customerOf(other, loyalty), "grace@example.test", "Grace", "Hopper");
        client.login(shop.platformShopKey(), "staff@shop.test", PASSWORD);

        assertThat(client.get("/admin/customers?q=grace").body()).contains("No customer matches");
        assertThat(client.get("/admin/customers").body()).doesNotContain("Grace");
    }

    // detail

    @Test
    void theDetailShowsBalancesLedgerAndOrders() {
        Orders order = Orders.order(shop.id()).customer(ada).line("1", "25.00");
        loyalty.apply(order.paid());
        client.login(shop.platformShopKey(), "staff@shop.test", PASSWORD);

        HttpResponse<String> page = client.get("/admin/customers/" + ada);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("<html", "Ottilie Featherstone", "Available", "Pending", "Lifetime earned", "Ledger", "EARN")
                .contains(order.id(), "Orders", "Redemptions")
                .doesNotContain("Adjust the balance", "Download the customer"); // STAFF reads only
        HttpResponse<String> fragment = client.get("/admin/customers/" + ada, "HX-Request", "true");
        assertThat(fragment.body())
                .contains("Ottilie Featherstone", "Ledger")
                .doesNotContain("<html", "aria-label=\"Loyalty admin\"");
    }

    @Test
    void timesAreShownInTheShopsTimeZoneWithItsAbbreviation() {
        Shop berlin = io.loyaltyloop.testing.Shops.newShop(dsl, "USD", "Europe/Berlin");
        String customer = AdminFixtures.customerOf(berlin, loyalty);
        accounts.create(berlin.id(), "owner@berlin.test", PASSWORD, AdminRole.OWNER);
        client.login(berlin.platformShopKey(), "owner@berlin.test", PASSWORD);

        HttpResponse<String> page = client.get("/admin/customers/" + customer);

        assertThat(page.body())
                .containsPattern("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} CES?T<")
                .doesNotContain(" UTC<");
    }

    @Test
    void theLedgerIsPagedNewestFirst() {
        for (int i = 1; i <= 27; i++) {
            loyalty.adjust(new ManualAdjustment(shop.id(), ada, 1, "gift " + i, "test"));
        }
        client.login(shop.platformShopKey(), "staff@shop.test", PASSWORD);

        String first = client.get("/admin/customers/" + ada).body();
        assertThat(first).contains("gift 27", "gift 3", "Older entries").doesNotContain("gift 2<", "EARN");
        String before = first.replaceAll("(?s).*before=(\\d+).*", "$1");
        String older =
                client.get("/admin/customers/" + ada + "?before=" + before).body();
        assertThat(older)
                .contains("gift 2<", "gift 1<", "EARN", "Newest entries")
                .doesNotContain("gift 3<");
    }

    @Test
    void aLedgerCursorThatIsNotAnEntryIdIsABadRequest() {
        client.login(shop.platformShopKey(), "staff@shop.test", PASSWORD);

        HttpResponse<String> answer = client.get("/admin/customers/" + ada + "?before=x");

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains("before must be a whole number");
    }

    @Test
    void anUnknownCustomerIsNotFound() {
        client.login(shop.platformShopKey(), "staff@shop.test", PASSWORD);

        assertThat(client.get("/admin/customers/no-such-customer").statusCode()).isEqualTo(404);
    }

    // adjustment

    @Test
    void anOwnerCreditsPointsWithAReasonAndHtmxGetsTheNewBalanceAndLedger() {
        client.login(shop.platformShopKey(), "owner@shop.test", PASSWORD);

        HttpResponse<String> answer = adjust(Map.of("points", "150", "reason", "Sorry for the late parcel"), true);

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body())
                .contains(
                        "id=\"account\"",
                        "The adjustment was saved",
                        ">150<",
                        "Sorry for the late parcel",
                        "admin:owner@shop.test")
                .doesNotContain("<html", "Orders");
        assertThat(available()).isEqualTo(150);
        assertThat(dsl.fetchCount(
                        AUDIT_LOG, AUDIT_LOG.SHOP_ID.eq(shop.id().value()).and(AUDIT_LOG.ACTION.eq("points.adjusted"))))
                .isEqualTo(1);
    }

    @Test
    void aPlainFormAdjustmentIsRedirectedBackToTheCustomer() {
        client.login(shop.platformShopKey(), "owner@shop.test", PASSWORD);

        HttpResponse<String> answer = adjust(Map.of("points", "+20", "reason", "Birthday"), false);

        assertThat(answer.statusCode()).isEqualTo(302);
        assertThat(answer.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).contains("/admin/customers/" + ada));
        assertThat(available()).isEqualTo(20);
    }

    @Test
    void zeroPointsAreRefusedNextToTheField() {
        assertRefused(Map.of("points", "0", "reason", "nothing"), "adjust-points-error", "other than 0");
    }

    @Test
    void pointsThatAreNotANumberAreRefused() {
        assertRefused(Map.of("points", "lots", "reason", "why not"), "adjust-points-error", "whole number");
    }

    @Test
    void moreThanTenMillionPointsAreRefused() {
        assertRefused(Map.of("points", "10000001", "reason", "too generous"), "adjust-points-error", "10,000,000");
    }

    @Test
    void anAdjustmentWithoutAReasonIsRefused() {
        assertRefused(Map.of("points", "10", "reason", "   "), "adjust-reason-error", "Give a reason");
    }

    @Test
    void aReasonLongerThan500CharactersIsRefused() {
        assertRefused(Map.of("points", "10", "reason", "x".repeat(501)), "adjust-reason-error", "500 characters");
    }

    @Test
    void aDebitBelowZeroIsRefusedWithTheEnginesMessage() {
        // the customer has at most the points of one 10.00 order
        assertRefused(
                Map.of("points", "-1000", "reason", "Returned the gift"), "adjust-points-error", "needs 1000 points");
    }

    @Test
    void aPlainFormRefusalGetsTheWholePageWithTheErrors() {
        client.login(shop.platformShopKey(), "owner@shop.test", PASSWORD);

        HttpResponse<String> answer = adjust(Map.of("points", "", "reason", ""), false);

        assertThat(answer.statusCode()).isEqualTo(422);
        assertThat(answer.body())
                .contains("<html", "Orders", "aria-describedby=\"adjust-points-error adjust-points-hint\"");
        assertThat(adjustments()).isZero();
    }

    @Test
    void staffCannotAdjust() {
        client.login(shop.platformShopKey(), "staff@shop.test", PASSWORD);

        HttpResponse<String> answer = adjust(Map.of("points", "10", "reason", "I'd like to"), true);

        assertThat(answer.statusCode()).isEqualTo(403);
        assertThat(adjustments()).isZero();
    }

    @Test
    void anAdjustmentWithoutCsrfTokenIsForbidden() {
        client.login(shop.platformShopKey(), "owner@shop.test", PASSWORD);

        HttpResponse<String> answer = client.post(
                "/admin/customers/" + ada + "/adjustments", PageClient.form("points", "10", "reason", "forged"));

        assertThat(answer.statusCode()).isEqualTo(403);
        assertThat(adjustments()).isZero();
    }

    // export

    @Test
    void anOwnerDownloadsTheCustomersDataAsJson() {
        client.login(shop.platformShopKey(), "owner@shop.test", PASSWORD);

        HttpResponse<String> answer =
                client.postWithCsrf("/admin/customers/" + ada, "/admin/customers/" + ada + "/export", Map.of());

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        assertThat(answer.headers().firstValue("Content-Disposition"))
                .hasValueSatisfying(
                        d -> assertThat(d).startsWith("attachment").contains("customer-" + ada + "-data.json"));
        assertThat(answer.body()).contains("\"ottilie@example.test\"", "\"ledger\"", "\"orders\"");
    }

    @Test
    void staffCannotExport() {
        client.login(shop.platformShopKey(), "staff@shop.test", PASSWORD);

        HttpResponse<String> answer = client.post(
                "/admin/customers/" + ada + "/export",
                PageClient.form(
                        "_csrf",
                        AdminClient.csrfTokenOf(
                                client.get("/admin/customers/" + ada).body())));

        assertThat(answer.statusCode()).isEqualTo(403);
    }

    // tenants

    @Test
    void anOwnerOfShopACannotReadAdjustOrExportACustomerOfShopB() {
        Shop other = AdminFixtures.shopWithMembers(dsl, loyalty, 0);
        String grace = AdminFixtures.customerOf(other, loyalty);
        client.login(shop.platformShopKey(), "owner@shop.test", PASSWORD);
        String token =
                AdminClient.csrfTokenOf(client.get("/admin/customers/" + ada).body());

        HttpResponse<String> read = client.get("/admin/customers/" + grace);
        HttpResponse<String> adjust = client.post(
                "/admin/customers/" + grace + "/adjustments",
                PageClient.form("points", "100", "reason", "from another shop", "_csrf", token));
        HttpResponse<String> export =
                client.post("/admin/customers/" + grace + "/export", PageClient.form("_csrf", token));

        assertThat(read.statusCode()).isEqualTo(404);
        assertThat(adjust.statusCode()).isEqualTo(404);
        assertThat(export.statusCode()).isEqualTo(404);
        assertThat(loyalty.balance(other.id(), grace))
                .hasValueSatisfying(b -> assertThat(b.available()).isZero());
    }

    private void assertRefused(Map<String, String> form, String errorId, String message) {
        client.login(shop.platformShopKey(), "owner@shop.test", PASSWORD);

        HttpResponse<String> answer = adjust(form, true);

        assertThat(answer.statusCode()).isEqualTo(422);
        assertThat(answer.body()).contains("id=\"" + errorId + "\"", message, "aria-invalid=\"true\"");
        assertThat(adjustments()).isZero();
    }

    private HttpResponse<String> adjust(Map<String, String> form, boolean htmx) {
        String path = "/admin/customers/" + ada + "/adjustments";
        return htmx
                ? client.postWithCsrf("/admin/customers/" + ada, path, form, "HX-Request", "true")
                : client.postWithCsrf("/admin/customers/" + ada, path, form);
    }

    private long available() {
        return loyalty.balance(shop.id(), ada).map(Balance::available).orElse(0L);
    }

    private int adjustments() {
        return dsl.fetchCount(
                POINTS_LEDGER, POINTS_LEDGER.SHOP_ID.eq(shop.id().value()).and(POINTS_LEDGER.KIND.eq("ADJUST")));
    }

    private void name(Shop owner, String externalId, String email, String first, String last) {
        dsl.update(CUSTOMER)
                .set(CUSTOMER.EMAIL, email)
                .set(CUSTOMER.FIRST_NAME, first)
                .set(CUSTOMER.LAST_NAME, last)
                .where(CUSTOMER.SHOP_ID.eq(owner.id().value()))
                .and(CUSTOMER.EXTERNAL_ID.eq(externalId))
                .execute();
    }
}
