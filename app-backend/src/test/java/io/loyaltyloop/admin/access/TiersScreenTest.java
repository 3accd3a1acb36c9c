package io.loyaltyloop.admin.access;

import static io.loyaltyloop.admin.access.AdminFixtures.PASSWORD;
import static io.loyaltyloop.db.Tables.AUDIT_LOG;
import static org.assertj.core.api.Assertions.assertThat;

import io.loyaltyloop.shop.Shop;
import io.loyaltyloop.shopify.auth.SessionTokens;
import io.loyaltyloop.system.PageClient;
import io.loyaltyloop.testing.Orders;
import io.loyaltyloop.tier.Tier;
import io.loyaltyloop.tier.TierService;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The Program screen's tiers tab over HTTP: the ladder with members, create, edit (with the dry run
 * of a multiplier change), delete; with and without htmx, standalone and embedded; each refusal
 * changes nothing.
 */
class TiersScreenTest extends AdminWebTest {

    static final String PAGE = "/admin/program/tiers";

    @Autowired
    AdminAccounts accounts;

    @Autowired
    TierService tiers;

    Shop shop;

    @BeforeEach
    void shopWithASilverMemberAnOwnerAndAStaffMember() {
        shop = AdminFixtures.shopWithMembers(dsl, loyalty, 1);
        // 600 at ×1, then 100 at Silver's ×1.25: 125 points
        loyalty.apply(Orders.order(shop.id())
                .customer("silver")
                .placedAt(AdminFixtures.PAID_AT)
                .line("1", "600")
                .paid());
        loyalty.apply(Orders.order(shop.id())
                .customer("silver")
                .placedAt(AdminFixtures.PAID_AT.plusSeconds(3_600))
                .line("1", "100")
                .paid());
        accounts.create(shop.id(), "owner@shop.test", PASSWORD, AdminRole.OWNER);
        accounts.create(shop.id(), "staff@shop.test", PASSWORD, AdminRole.STAFF);
    }

    // reading

    @Test
    void theWholePageShowsTheLadderWithMembersAndTheWindow() {
        client.login(shop.platformShopKey(), "staff@shop.test", PASSWORD);

        HttpResponse<String> page = client.get(PAGE);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("<html", "aria-current=\"page\">Tiers</a>", "Bronze", "$500.00", "×1.25", "12 months")
                .contains("orders paid after it")
                .doesNotContain("Add a tier", "Delete"); // STAFF reads only
        assertThat(rowOf(page.body(), "Silver")).contains(">1<");
        assertThat(rowOf(page.body(), "Bronze")).contains(">1<");
    }

    @Test
    void anHtmxRequestGetsOnlyTheContent() {
        client.login(shop.platformShopKey(), "owner@shop.test", PASSWORD);

        HttpResponse<String> content = client.get(PAGE, "HX-Request", "true", "HX-Target", "main");

        assertThat(content.statusCode()).isEqualTo(200);
        assertThat(content.body())
                .contains("class=\"tabs\"", "Gold", "Add a tier")
                .doesNotContain("<html");
    }

    @Test
    void anotherShopsTierIsNotFound() {
        Shop other = AdminFixtures.shopWithMembers(dsl, loyalty, 0);
        long theirs = tiers.ladder(other.id()).tiers().getFirst().id();
        List<Tier> before = tiers.ladder(other.id()).tiers();
        client.login(shop.platformShopKey(), "owner@shop.test", PASSWORD);

        assertThat(client.get(PAGE + "?edit=" + theirs).statusCode()).isEqualTo(404);
        assertThat(client.postWithCsrf(PAGE, PAGE + "/" + theirs + "/delete", Map.of())
                        .statusCode())
                .isEqualTo(404);
        assertThat(client.postWithCsrf(PAGE, PAGE + "/" + theirs, tierForm("Mine", "5", "2"))
                        .statusCode())
                .isEqualTo(404);
        assertThat(client.postWithCsrf(PAGE, PAGE + "/" + theirs + "/preview", tierForm("Mine", "5", "2"))
                        .statusCode())
                .isEqualTo(404);
        assertThat(tiers.ladder(other.id()).tiers()).isEqualTo(before);
    }

    @Test
    void anIdThatIsNotANumberIsABadRequest() {
        client.login(shop.platformShopKey(), "owner@shop.test", PASSWORD);
        List<Tier> before = ladder();

        assertThat(client.get(PAGE + "?edit=x").statusCode()).isEqualTo(400);
        assertThat(client.postWithCsrf(PAGE, PAGE + "/x/delete", Map.of()).statusCode())
                .isEqualTo(400);
        assertThat(ladder()).isEqualTo(before);
    }

    // writing

    @Test
    void anOwnerAddsATierAndIsRedirectedBack() {
        client.login(shop.platformShopKey(), "owner@shop.test", PASSWORD);

        HttpResponse<String> answer = client.postWithCsrf(PAGE, PAGE, tierForm("Platinum", "5000", "2"));

        assertThat(answer.statusCode()).isEqualTo(302);
        assertThat(answer.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith(PAGE + "?saved"));
        assertThat(named("Platinum").earnMultiplier()).isEqualByComparingTo("2");
        assertThat(audits("tier.create")).isEqualTo(1);
    }

    @Test
    void anOwnerEditsATierWithHtmx() {
        client.login(shop.platformShopKey(), "owner@shop.test", PASSWORD);

        HttpResponse<String> answer = client.postWithCsrf(
                PAGE, PAGE + "/" + named("Silver").id(), tierForm("Silver", "700", "1.5"), "HX-Request", "true");

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body())
                .contains("The tier was saved.", "$700.00", "×1.5")
                .doesNotContain("<html");
        assertThat(loyalty.balance(shop.id(), "silver").orElseThrow().tier()).isEqualTo("Silver");
        assertThat(audits("tier.update")).isEqualTo(1);
    }

    @Test
    void thePreviewSaysWhatAMultiplierChangeWouldAddAndWritesNothing() {
        client.login(shop.platformShopKey(), "owner@shop.test", PASSWORD);
        List<Tier> before = ladder();

        HttpResponse<String> preview = client.postWithCsrf(
                PAGE,
                PAGE + "/" + named("Silver").id() + "/preview",
                tierForm("Silver", "500", "2"),
                "HX-Request",
                "true");

        // the order at ×1.25 earned 125; at ×2 it would earn 200
        assertThat(preview.statusCode()).isEqualTo(200);
        assertThat(preview.body())
                .contains("id=\"tier-preview\"", "would add 75 points over the last 90 days")
                .doesNotContain("<html", "Bronze");
        assertThat(ladder()).isEqualTo(before);
        assertThat(audits("tier.update")).isZero();
    }

    @Test
    void thePreviewWithoutHtmxIsTheWholePageWithTheFormKept() {
        client.login(shop.platformShopKey(), "owner@shop.test", PASSWORD);

        HttpResponse<String> preview = client.postWithCsrf(
                PAGE, PAGE + "/" + named("Silver").id() + "/preview", tierForm("Silver", "500", "1"));

        assertThat(preview.statusCode()).isEqualTo(200);
        assertThat(preview.body()).contains("<html", "would remove 25 points", "value=\"1\"");
    }

    @Test
    void thePreviewLooksOnlyAtTheMultiplier() {
        client.login(shop.platformShopKey(), "owner@shop.test", PASSWORD);

        HttpResponse<String> preview = client.postWithCsrf(
                PAGE, PAGE + "/" + named("Silver").id() + "/preview", tierForm("", "", "2"), "HX-Request", "true");

        assertThat(preview.statusCode()).isEqualTo(200);
        assertThat(preview.body()).contains("would add 75 points");
    }

    @Test
    void aPreviewOfABadMultiplierIsRefused() {
        client.login(shop.platformShopKey(), "owner@shop.test", PASSWORD);

        HttpResponse<String> preview = client.postWithCsrf(
                PAGE,
                PAGE + "/" + named("Silver").id() + "/preview",
                tierForm("Silver", "500", "11"),
                "HX-Request",
                "true");

        assertThat(preview.statusCode()).isEqualTo(422);
        assertThat(preview.body()).contains("Fix the multiplier first");
    }

    @Test
    void deletingATierWithMembersMovesThemDownAtOnce() {
        client.login(shop.platformShopKey(), "owner@shop.test", PASSWORD);

        HttpResponse<String> answer = client.postWithCsrf(
                PAGE, PAGE + "/" + named("Silver").id() + "/delete", Map.of(), "HX-Request", "true");

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("was deleted; its 1 member(s) moved");
        assertThat(ladder()).extracting(Tier::name).containsExactly("Bronze", "Gold");
        assertThat(loyalty.balance(shop.id(), "silver").orElseThrow().tier()).isEqualTo("Bronze");
        assertThat(audits("tier.delete")).isEqualTo(1);
    }

    @Test
    void theEmbeddedOwnerReadsAndEditsWithTheSessionToken() {
        String bearer = "Bearer " + SessionTokens.token(SHOPIFY_SECRET, shop.platformShopKey(), clock.instant());

        HttpResponse<String> page = client.get(PAGE, "HX-Request", "true", "Authorization", bearer);
        HttpResponse<String> saved = client.post(
                PAGE + "/" + named("Gold").id(),
                tierForm("Gold", "2000", "1.5"),
                "HX-Request",
                "true",
                "Authorization",
                bearer);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Gold").doesNotContain("<html");
        assertThat(saved.statusCode()).isEqualTo(200);
        assertThat(named("Gold").minSpend()).isEqualByComparingTo("2000");
    }

    // refusals: nothing changes

    @Test
    void staffCannotWrite() {
        client.login(shop.platformShopKey(), "staff@shop.test", PASSWORD);
        List<Tier> before = ladder();

        assertThat(client.postWithCsrf(PAGE, PAGE, tierForm("x", "5", "1")).statusCode())
                .isEqualTo(403);
        assertThat(client.postWithCsrf(PAGE, PAGE + "/" + named("Gold").id() + "/delete", Map.of())
                        .statusCode())
                .isEqualTo(403);
        assertThat(ladder()).isEqualTo(before);
    }

    @Test
    void aWriteWithoutCsrfTokenIsForbidden() {
        client.login(shop.platformShopKey(), "owner@shop.test", PASSWORD);
        List<Tier> before = ladder();

        assertThat(client.post(PAGE, tierForm("x", "5", "1")).statusCode()).isEqualTo(403);
        assertThat(client.post(PAGE + "/" + named("Gold").id() + "/delete", Map.of())
                        .statusCode())
                .isEqualTo(403);
        assertThat(ladder()).isEqualTo(before);
    }

    @Test
    void eachBadFieldIsRefusedWith422NextToItAndNothingChanges() {
        client.login(shop.platformShopKey(), "owner@shop.test", PASSWORD);
        List<Tier> before = ladder();
        Map<Map<String, String>, String> refusals = Map.ofEntries(
                Map.entry(tierForm("", "5", "1"), "Give the tier a name."),
                Map.entry(tierForm("x".repeat(61), "5", "1"), "limited to 60 characters"),
                Map.entry(tierForm("A", "", "1"), "Enter the spend that reaches this tier"),
                Map.entry(tierForm("A", "-5", "1"), "as a number such as 500"),
                Map.entry(tierForm("A", "5.00001", "1"), "at most 4 decimals"),
                Map.entry(tierForm("A", "1500.00", "2"), "already starts at this spend"),
                Map.entry(tierForm("A", "5", "0.5"), "from 1 to 10"),
                Map.entry(tierForm("A", "5", "11"), "from 1 to 10"),
                Map.entry(tierForm("A", "5", "1.2345"), "at most 3 decimals"),
                Map.entry(tierForm("A", "5", "two"), "as a number such as 1.5"));

        refusals.forEach((form, message) -> {
            HttpResponse<String> created = client.postWithCsrf(PAGE, PAGE, form, "HX-Request", "true");
            HttpResponse<String> edited =
                    client.postWithCsrf(PAGE, PAGE + "/" + named("Silver").id(), form);
            assertThat(created.statusCode()).as(message).isEqualTo(422);
            assertThat(created.body())
                    .contains(message, "class=\"field-error\"")
                    .doesNotContain("<html");
            assertThat(edited.statusCode()).as(message).isEqualTo(422);
            assertThat(edited.body()).contains(message, "<html", "aria-invalid=\"true\"");
        });

        assertThat(ladder()).isEqualTo(before);
        assertThat(audits("tier.create") + audits("tier.update")).isZero();
    }

    private static Map<String, String> tierForm(String name, String minSpend, String multiplier) {
        return PageClient.form("name", name, "minSpend", minSpend, "multiplier", multiplier);
    }

    private List<Tier> ladder() {
        return tiers.ladder(shop.id()).tiers();
    }

    private Tier named(String name) {
        return ladder().stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
    }

    /** The table row of the tier, from its name cell to the end of the row. */
    private static String rowOf(String html, String tier) {
        int start = html.indexOf("<td>" + tier + "</td>");
        assertThat(start).as(tier + " row").isNotNegative();
        return html.substring(start, html.indexOf("</tr>", start));
    }

    private int audits(String action) {
        return dsl.fetchCount(AUDIT_LOG, AUDIT_LOG.SHOP_ID.eq(shop.id().value()).and(AUDIT_LOG.ACTION.eq(action)));
    }
}
