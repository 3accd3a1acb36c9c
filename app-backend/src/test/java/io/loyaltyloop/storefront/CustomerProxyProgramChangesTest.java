package io.loyaltyloop.storefront;

import static io.loyaltyloop.db.Tables.REWARD;
import static org.assertj.core.api.Assertions.assertThat;

import io.loyaltyloop.loyalty.EarningService;
import io.loyaltyloop.loyalty.Rounding;
import io.loyaltyloop.review.ReviewService;
import io.loyaltyloop.review.ReviewSettings;
import io.loyaltyloop.reward.RewardCatalog;
import io.loyaltyloop.reward.RewardDraft;
import io.loyaltyloop.reward.RewardKind;
import io.loyaltyloop.shop.NewShop;
import io.loyaltyloop.shop.Platform;
import io.loyaltyloop.shop.ProgramSettings;
import io.loyaltyloop.shop.ShopService;
import io.loyaltyloop.tier.Tier;
import io.loyaltyloop.tier.TierDraft;
import io.loyaltyloop.tier.TierService;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The shop's program is cached between calls ({@link ProgramSnapshots}), yet every change made
 * through the admin's services shows on the very next call of the same instance.
 */
class CustomerProxyProgramChangesTest extends StorefrontProxyTest {

    @Autowired
    ShopService shops;

    @Autowired
    EarningService earning;

    @Autowired
    TierService tiers;

    @Autowired
    ReviewService reviews;

    @Autowired
    ProgramSnapshots snapshots;

    String ada;

    @BeforeEach
    void aMemberWhoseProgramIsCachedAlready() {
        ada = fixtures.customerWithPoints(shop, "8001", 700);
        fixtures.paidOrder(shop, ada, "600.00");
        customer(ada);
    }

    @Test
    void reusesTheSnapshotWhileNothingChanged() {
        ProgramSnapshot first = kept();

        customer(ada);

        assertThat(kept()).isSameAs(first);
    }

    @Test
    void showsAChangedEarningRuleOnTheNextCall() {
        earning.changeRule(shop.id(), new BigDecimal("2.5"), Rounding.DOWN, "admin");

        assertThat(customer(ada).at("/program/pointsPerUnit").asString()).isEqualTo("2.5");
    }

    @Test
    void showsAddedChangedAndRetiredRewardsOnTheNextCall() {
        RewardCatalog catalog = new RewardCatalog(dsl);
        long reward = catalog.create(
                        shop.id(), new RewardDraft("5 off", RewardKind.FIXED_AMOUNT, new BigDecimal("5"), 500), "admin")
                .id();
        JsonNode added = customer(ada);
        assertThat(added.at("/rewards/0/name").asString()).isEqualTo("5 off");
        assertThat(added.at("/rewards/0/affordable").asBoolean()).isTrue();

        catalog.update(
                shop.id(),
                reward,
                new RewardDraft("8 off", RewardKind.FIXED_AMOUNT, new BigDecimal("8"), 800),
                "admin");
        JsonNode changed = customer(ada);
        assertThat(changed.at("/rewards/0/name").asString()).isEqualTo("8 off");
        assertThat(changed.at("/rewards/0/value").asString()).isEqualTo("8.00");
        assertThat(changed.at("/rewards/0/affordable").asBoolean()).isFalse();

        catalog.deactivate(shop.id(), reward, "admin");
        assertThat(customer(ada).get("rewards")).isEmpty();
    }

    @Test
    void showsCreatedChangedAndDeletedTiersOnTheNextCall() {
        Tier silver = tiers.create(
                shop.id(), new TierDraft("Silver", new BigDecimal("500"), new BigDecimal("1.25")), "admin");
        assertThat(customer(ada).at("/tier/name").asString()).isEqualTo("Silver");

        tiers.update(
                shop.id(),
                silver.id(),
                new TierDraft("Silver", new BigDecimal("1000"), new BigDecimal("1.25")),
                "admin");
        JsonNode raised = customer(ada);
        assertThat(raised.at("/tier/name").isNull()).isTrue();
        assertThat(raised.at("/tier/next/remaining").asString()).isEqualTo("400.00");

        tiers.delete(shop.id(), silver.id(), "admin");
        assertThat(customer(ada).get("tier").isNull()).isTrue();
    }

    @Test
    void showsChangedProgramAndReviewSettingsOnTheNextCall() {
        shops.updateSettings(shop.id(), new ProgramSettings(30, false, 12, 12, false), "admin");
        reviews.updateSettings(shop.id(), new ReviewSettings(true, 4, List.of(), 0, 5), "admin");

        JsonNode state = customer(ada);

        assertThat(state.at("/program/pendingDays").asInt()).isEqualTo(30);
        assertThat(state.at("/program/waysToEarn")).hasSize(1);
    }

    @Test
    void showsAChangeMadeOutsideTheServicesOnTheNextCall() {
        // e.g. another instance's admin, or an operator's SQL: the database bumps the version
        dsl.insertInto(REWARD, REWARD.SHOP_ID, REWARD.NAME, REWARD.KIND, REWARD.POINTS_COST)
                .values(shop.id().value(), "Free shipping", "FREE_SHIPPING", 300L)
                .execute();

        assertThat(customer(ada).at("/rewards/0/name").asString()).isEqualTo("Free shipping");
    }

    @Test
    void answersNotFoundOnTheNextCallAfterAnUninstallAndServesAgainAfterAReinstall() {
        shops.uninstall(shop.id(), NOW);

        HttpResponse<String> gone = browser.get("/proxy/customer?" + signed(ada, ""));
        assertThat(gone.statusCode()).isEqualTo(404);

        shops.register(new NewShop(Platform.SHOPIFY, shop.platformShopKey(), "Renamed", "USD", "UTC", null));
        JsonNode back = customer(ada);
        assertThat(back.at("/shop/name").asString()).isEqualTo("Renamed");
        assertThat(back.at("/points/available").asLong()).isEqualTo(700);
    }

    private ProgramSnapshot kept() {
        return snapshots.current(shop.platform(), shop.platformShopKey()).orElseThrow();
    }

    private JsonNode customer(String customerId) {
        HttpResponse<String> answer = browser.get("/proxy/customer?" + signed(customerId, ""));
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return json(answer);
    }
}
