package io.loyaltyloop.admin.access;

import static io.loyaltyloop.admin.access.AdminFixtures.PASSWORD;
import static io.loyaltyloop.db.Tables.AUDIT_LOG;
import static org.assertj.core.api.Assertions.assertThat;

import io.loyaltyloop.reward.Reward;
import io.loyaltyloop.reward.RewardCatalog;
import io.loyaltyloop.reward.RewardKind;
import io.loyaltyloop.reward.RewardListing;
import io.loyaltyloop.shop.Shop;
import io.loyaltyloop.shopify.auth.SessionTokens;
import io.loyaltyloop.system.PageClient;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The Program screen's rewards tab over HTTP: the list, create, edit, deactivate / reactivate; with
 * and without htmx, standalone and embedded; each refusal changes nothing.
 */
class RewardsScreenTest extends AdminWebTest {

    static final String PAGE = "/admin/program/rewards";

    @Autowired
    AdminAccounts accounts;

    @Autowired
    RewardCatalog catalog;

    Shop shop;

    @BeforeEach
    void shopWithAnOwnerAndAStaffMember() {
        shop = AdminFixtures.shopWithMembers(dsl, loyalty, 1);
        accounts.create(shop.id(), "owner@shop.test", PASSWORD, AdminRole.OWNER);
        accounts.create(shop.id(), "staff@shop.test", PASSWORD, AdminRole.STAFF);
    }

    // reading

    @Test
    void theWholePageListsTheRewardsWithTheTabs() {
        client.login(shop.platformShopKey(), "staff@shop.test", PASSWORD);

        HttpResponse<String> page = client.get(PAGE);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("<html", "class=\"tabs\"", "aria-current=\"page\">Rewards</a>", "5 off", "$5.00 off")
                .contains("10% off", "Free shipping", "1,000 points", "future redemptions only")
                .doesNotContain("Add a reward", "Deactivate"); // STAFF reads only
    }

    @Test
    void anHtmxRequestGetsOnlyTheContent() {
        client.login(shop.platformShopKey(), "owner@shop.test", PASSWORD);

        HttpResponse<String> content = client.get(PAGE, "HX-Request", "true", "HX-Target", "main");

        assertThat(content.statusCode()).isEqualTo(200);
        assertThat(content.body())
                .contains("class=\"tabs\"", "5 off", "Add a reward")
                .doesNotContain("<html");
    }

    @Test
    void theEditFormIsFilledWithTheReward() {
        client.login(shop.platformShopKey(), "owner@shop.test", PASSWORD);

        String page = client.get(PAGE + "?edit=" + id("5 off")).body();

        assertThat(page).contains("Edit “5 off”", "value=\"500\"", "Save reward");
    }

    @Test
    void anotherShopsRewardIsNotFound() {
        Shop other = AdminFixtures.shopWithMembers(dsl, loyalty, 0);
        long theirs = catalog.listing(other.id()).getFirst().reward().id();
        client.login(shop.platformShopKey(), "owner@shop.test", PASSWORD);
        List<RewardListing> before = catalog.listing(other.id());

        assertThat(client.get(PAGE + "?edit=" + theirs).statusCode()).isEqualTo(404);
        assertThat(client.postWithCsrf(PAGE, PAGE + "/" + theirs + "/deactivate", Map.of())
                        .statusCode())
                .isEqualTo(404);
        assertThat(client.postWithCsrf(PAGE, PAGE + "/" + theirs, rewardForm("Mine", "FREE_SHIPPING", "", "1"))
                        .statusCode())
                .isEqualTo(404);
        assertThat(catalog.listing(other.id())).isEqualTo(before);
    }

    @Test
    void anIdThatIsNotANumberIsABadRequest() {
        client.login(shop.platformShopKey(), "owner@shop.test", PASSWORD);
        List<RewardListing> before = catalog.listing(shop.id());

        assertThat(client.get(PAGE + "?edit=abc").statusCode()).isEqualTo(400);
        assertThat(client.postWithCsrf(PAGE, PAGE + "/abc/deactivate", Map.of()).statusCode())
                .isEqualTo(400);
        assertThat(catalog.listing(shop.id())).isEqualTo(before);
    }

    // writing

    @Test
    void anOwnerAddsARewardAndIsRedirectedBack() {
        client.login(shop.platformShopKey(), "owner@shop.test", PASSWORD);

        HttpResponse<String> answer =
                client.postWithCsrf(PAGE, PAGE, rewardForm("15% off", "PERCENTAGE", "15", "1500"));

        assertThat(answer.statusCode()).isEqualTo(302);
        assertThat(answer.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith(PAGE + "?saved"));
        Reward created = reward("15% off");
        assertThat(created.kind()).isEqualTo(RewardKind.PERCENTAGE);
        assertThat(created.pointsCost()).isEqualTo(1500);
        assertThat(audits("reward.create")).isEqualTo(1);
        assertThat(client.get(PAGE + "?saved").body()).contains("Your change was saved.", "15% off");
    }

    @Test
    void anOwnerEditsARewardWithHtmxAndSeesTheList() {
        client.login(shop.platformShopKey(), "owner@shop.test", PASSWORD);

        HttpResponse<String> answer = client.postWithCsrf(
                PAGE, PAGE + "/" + id("5 off"), rewardForm("5 off", "FIXED_AMOUNT", "5", "450"), "HX-Request", "true");

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body())
                .contains("The reward was saved.", "450 points")
                .doesNotContain("<html");
        assertThat(reward("5 off").pointsCost()).isEqualTo(450);
        assertThat(audits("reward.update")).isEqualTo(1);
    }

    @Test
    void anOwnerDeactivatesAndReactivatesAReward() {
        client.login(shop.platformShopKey(), "owner@shop.test", PASSWORD);
        long id = id("5 off");

        HttpResponse<String> off =
                client.postWithCsrf(PAGE, PAGE + "/" + id + "/deactivate", Map.of(), "HX-Request", "true");
        assertThat(off.body()).contains("can no longer be redeemed", "Reactivate");
        assertThat(reward("5 off").active()).isFalse();

        HttpResponse<String> on = client.postWithCsrf(PAGE, PAGE + "/" + id + "/activate", Map.of());
        assertThat(on.statusCode()).isEqualTo(302);
        assertThat(reward("5 off").active()).isTrue();
        assertThat(audits("reward.deactivate")).isEqualTo(1);
        assertThat(audits("reward.activate")).isEqualTo(1);
    }

    @Test
    void deactivatingTheLastActiveRewardIsAllowedWithAWarning() {
        client.login(shop.platformShopKey(), "owner@shop.test", PASSWORD);

        for (RewardListing listing : catalog.listing(shop.id())) {
            client.postWithCsrf(PAGE, PAGE + "/" + listing.reward().id() + "/deactivate", Map.of());
        }

        assertThat(client.get(PAGE).body()).contains("No reward is active");
        assertThat(catalog.listing(shop.id())).noneMatch(l -> l.reward().active());
    }

    @Test
    void theEmbeddedOwnerReadsAndEditsWithTheSessionToken() {
        String bearer = "Bearer " + SessionTokens.token(SHOPIFY_SECRET, shop.platformShopKey(), clock.instant());

        HttpResponse<String> page = client.get(PAGE, "HX-Request", "true", "Authorization", bearer);
        HttpResponse<String> saved = client.post(
                PAGE + "/" + id("5 off"),
                rewardForm("Five off", "FIXED_AMOUNT", "5", "500"),
                "HX-Request",
                "true",
                "Authorization",
                bearer);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("5 off").doesNotContain("<html");
        assertThat(saved.statusCode()).isEqualTo(200);
        assertThat(reward("Five off").pointsCost()).isEqualTo(500);
    }

    // refusals: nothing changes

    @Test
    void staffCannotWrite() {
        client.login(shop.platformShopKey(), "staff@shop.test", PASSWORD);
        List<RewardListing> before = catalog.listing(shop.id());

        assertThat(client.postWithCsrf(PAGE, PAGE, rewardForm("x", "FREE_SHIPPING", "", "1"))
                        .statusCode())
                .isEqualTo(403);
        assertThat(client.postWithCsrf(PAGE, PAGE + "/" + id("5 off") + "/deactivate", Map.of())
                        .statusCode())
                .isEqualTo(403);
        assertThat(catalog.listing(shop.id())).isEqualTo(before);
    }

    @Test
    void aWriteWithoutCsrfTokenIsForbidden() {
        client.login(shop.platformShopKey(), "owner@shop.test", PASSWORD);
        List<RewardListing> before = catalog.listing(shop.id());

        assertThat(client.post(PAGE, rewardForm("x", "FREE_SHIPPING", "", "1")).statusCode())
                .isEqualTo(403);
        assertThat(client.post(PAGE + "/" + id("5 off") + "/deactivate", Map.of())
                        .statusCode())
                .isEqualTo(403);
        assertThat(catalog.listing(shop.id())).isEqualTo(before);
    }

    @Test
    void eachBadFieldIsRefusedWith422NextToItAndNothingChanges() {
        client.login(shop.platformShopKey(), "owner@shop.test", PASSWORD);
        List<RewardListing> before = catalog.listing(shop.id());
        Map<Map<String, String>, String> refusals = Map.ofEntries(
                Map.entry(rewardForm("", "FREE_SHIPPING", "", "100"), "Give the reward a name."),
                Map.entry(rewardForm("x".repeat(81), "FREE_SHIPPING", "", "100"), "limited to 80 characters"),
                Map.entry(rewardForm("A", "FIXED_AMOUNT", "", "100"), "Enter the amount off"),
                Map.entry(rewardForm("A", "FIXED_AMOUNT", "1.00001", "100"), "at most 4 decimals"),
                Map.entry(rewardForm("A", "FIXED_AMOUNT", "2000000", "100"), "at most 1,000,000"),
                Map.entry(rewardForm("A", "FIXED_AMOUNT", "5e2", "100"), "Enter a number such as 5"),
                Map.entry(rewardForm("A", "PERCENTAGE", "0", "100"), "from 1 to 100"),
                Map.entry(rewardForm("A", "PERCENTAGE", "101", "100"), "from 1 to 100"),
                Map.entry(rewardForm("A", "FREE_SHIPPING", "3", "100"), "Free shipping has no amount"),
                Map.entry(rewardForm("A", "SOMETHING", "", "100"), "Choose what the reward gives."),
                Map.entry(rewardForm("A", "FREE_SHIPPING", "", "0"), "from 1 to 10,000,000"),
                Map.entry(rewardForm("A", "FREE_SHIPPING", "", "ten"), "whole number of points"),
                Map.entry(rewardForm("A", "FREE_SHIPPING", "", "99999999999999999999999"), "from 1 to 10,000,000"),
                Map.entry(rewardForm("A", "FREE_SHIPPING", "", "10000001"), "from 1 to 10,000,000"));

        refusals.forEach((form, message) -> {
            HttpResponse<String> created = client.postWithCsrf(PAGE, PAGE, form, "HX-Request", "true");
            HttpResponse<String> edited = client.postWithCsrf(PAGE, PAGE + "/" + id("5 off"), form);
            assertThat(created.statusCode()).as(message).isEqualTo(422);
            assertThat(created.body())
                    .contains(message, "class=\"field-error\"")
                    .doesNotContain("<html");
            assertThat(edited.statusCode()).as(message).isEqualTo(422);
            assertThat(edited.body()).contains(message, "<html", "aria-invalid=\"true\"");
        });

        assertThat(catalog.listing(shop.id())).isEqualTo(before);
        assertThat(audits("reward.create") + audits("reward.update")).isZero();
    }

    private static Map<String, String> rewardForm(String name, String kind, String value, String cost) {
        return PageClient.form("name", name, "kind", kind, "value", value, "cost", cost);
    }

    private long id(String name) {
        return reward(name).id();
    }

    private Reward reward(String name) {
        return catalog.listing(shop.id()).stream()
                .map(RewardListing::reward)
                .filter(r -> r.name().equals(name))
                .findFirst()
                .orElseThrow();
    }

    private int audits(String action) {
        return dsl.fetchCount(AUDIT_LOG, AUDIT_LOG.SHOP_ID.eq(shop.id().value()).and(AUDIT_LOG.ACTION.eq(action)));
    }
}
