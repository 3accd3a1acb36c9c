package io.loyaltyloop.reward;

import static io.loyaltyloop.db.Tables.AUDIT_LOG;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loyaltyloop.lifecycle.CustomerSnapshot;
import io.loyaltyloop.lifecycle.CustomerUpserted;
import io.loyaltyloop.loyalty.LoyaltyService;
import io.loyaltyloop.loyalty.ManualAdjustment;
import io.loyaltyloop.shop.Shop;
import io.loyaltyloop.testing.MutableClock;
import io.loyaltyloop.testing.Shops;
import io.loyaltyloop.testing.TestDatabase;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The merchant's edits of rewards: each audited, none rewriting a redemption already made. */
class RewardCatalogTest {

    private static final String CUSTOMER = "c-1";
    private static final String OWNER = "admin:owner@shop.test";
    private final DSLContext dsl = TestDatabase.dsl();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-01T12:00:00Z"));
    private final LoyaltyService loyalty = new LoyaltyService(dsl, clock);
    private final RewardService rewards = new RewardService(dsl, clock);
    private final RewardCatalog catalog = new RewardCatalog(dsl);
    private Shop shop;

    @BeforeEach
    void customerWithPoints() {
        shop = Shops.newShop(dsl);
        loyalty.apply(
                new CustomerUpserted(shop.id(), "customer-created", clock.instant(), CustomerSnapshot.ofId(CUSTOMER)));
        loyalty.adjust(new ManualAdjustment(shop.id(), CUSTOMER, 5_000, "welcome", OWNER));
    }

    @Test
    void aCreatedRewardIsOnOfferAndAudited() {
        Reward created = catalog.create(
                shop.id(), new RewardDraft("  15% off  ", RewardKind.PERCENTAGE, new BigDecimal("15"), 1_500), OWNER);

        assertThat(created.name()).isEqualTo("15% off");
        assertThat(rewards.rewards(shop.id())).extracting(Reward::id).contains(created.id());
        assertThat(audit("reward.create")).containsExactly("reward:" + created.id());
    }

    @Test
    void theListingCountsRedemptionsThatKeptTheirPointsInOneQuery() {
        long fiveOff = id("5 off");
        Redemption kept = rewards.redeem(shop.id(), CUSTOMER, fiveOff, "k1");
        Redemption failed = rewards.redeem(shop.id(), CUSTOMER, fiveOff, "k2");
        rewards.markIssued(shop.id(), kept.id(), "gid://shopify/DiscountCodeNode/1");
        rewards.markFailed(shop.id(), failed.id(), "refused");

        List<RewardListing> listing = catalog.listing(shop.id());

        assertThat(listing).hasSize(3);
        assertThat(listing)
                .filteredOn(l -> l.reward().id() == fiveOff)
                .singleElement()
                .extracting(RewardListing::redeemed)
                .isEqualTo(1L);
    }

    @Test
    void aRedemptionAfterAnEditPaysTheNewCostAndEarlierOnesKeepTheirValue() {
        long fiveOff = id("5 off");
        Redemption before = rewards.redeem(shop.id(), CUSTOMER, fiveOff, "before");

        catalog.update(
                shop.id(), fiveOff, new RewardDraft("7 off", RewardKind.FIXED_AMOUNT, new BigDecimal("7"), 700), OWNER);
        Redemption after = rewards.redeem(shop.id(), CUSTOMER, fiveOff, "after");

        assertThat(after.pointsCost()).isEqualTo(700);
        assertThat(after.discountValue()).isEqualByComparingTo("7");
        Redemption reserved = rewards.find(shop.id(), before.id()).orElseThrow();
        assertThat(reserved.pointsCost()).isEqualTo(500);
        assertThat(reserved.discountValue()).isEqualByComparingTo("5");
        assertThat(loyalty.balance(shop.id(), CUSTOMER).orElseThrow().available())
                .isEqualTo(5_000 - 500 - 700);
    }

    @Test
    void anUpdateRecordsOldAndNewValues() {
        long fiveOff = id("5 off");

        catalog.update(
                shop.id(), fiveOff, new RewardDraft("5 off", RewardKind.FIXED_AMOUNT, new BigDecimal("5"), 450), OWNER);

        String details = dsl.select(AUDIT_LOG.DETAILS)
                .from(AUDIT_LOG)
                .where(AUDIT_LOG.SHOP_ID.eq(shop.id().value()))
                .and(AUDIT_LOG.ACTION.eq("reward.update"))
                .fetchSingle(AUDIT_LOG.DETAILS)
                .data();
        assertThat(details).contains("\"oldCost\": \"500\"", "\"newCost\": \"450\"");
    }

    @Test
    void anUnchangedUpdateRecordsNothing() {
        long fiveOff = id("5 off");

        catalog.update(
                shop.id(),
                fiveOff,
                new RewardDraft("5 off", RewardKind.FIXED_AMOUNT, new BigDecimal("5.00"), 500),
                OWNER);

        assertThat(audit("reward.update")).isEmpty();
    }

    @Test
    void aDeactivatedRewardCannotBeRedeemedUntilReactivated() {
        long fiveOff = id("5 off");

        catalog.deactivate(shop.id(), fiveOff, OWNER);
        catalog.deactivate(shop.id(), fiveOff, OWNER);

        assertThatThrownBy(() -> rewards.redeem(shop.id(), CUSTOMER, fiveOff, "k"))
                .isInstanceOf(RewardNotFoundException.class);
        assertThat(audit("reward.deactivate")).hasSize(1);

        catalog.activate(shop.id(), fiveOff, OWNER);
        assertThat(rewards.redeem(shop.id(), CUSTOMER, fiveOff, "k").pointsCost())
                .isEqualTo(500);
        assertThat(audit("reward.activate")).hasSize(1);
    }

    @Test
    void theLastActiveRewardMayBeDeactivated() {
        for (Reward reward : rewards.rewards(shop.id())) {
            catalog.deactivate(shop.id(), reward.id(), OWNER);
        }

        assertThat(rewards.rewards(shop.id())).isEmpty();
        assertThat(catalog.listing(shop.id())).hasSize(3);
    }

    @Test
    void anotherShopsRewardIsNotFoundAndUnchanged() {
        Shop other = Shops.newShop(dsl);
        long theirs =
                new RewardCatalog(dsl).listing(other.id()).getFirst().reward().id();

        assertThatThrownBy(() -> catalog.deactivate(shop.id(), theirs, OWNER))
                .isInstanceOf(RewardNotFoundException.class);
        assertThatThrownBy(() -> catalog.update(
                        shop.id(), theirs, new RewardDraft("x", RewardKind.FREE_SHIPPING, null, 1), OWNER))
                .isInstanceOf(RewardNotFoundException.class);
        assertThat(catalog.listing(other.id())).allMatch(l -> l.reward().active());
    }

    @Test
    void theRulesOfARewardAreCheckedFieldByField() {
        assertThat(RewardDraft.problems("", RewardKind.FREE_SHIPPING, null, 1)).containsOnlyKeys("name");
        assertThat(RewardDraft.problems("x".repeat(81), RewardKind.FREE_SHIPPING, null, 1))
                .containsOnlyKeys("name");
        assertThat(RewardDraft.problems("a", RewardKind.FIXED_AMOUNT, null, 1)).containsOnlyKeys("value");
        assertThat(RewardDraft.problems("a", RewardKind.FIXED_AMOUNT, new BigDecimal("0"), 1))
                .containsOnlyKeys("value");
        assertThat(RewardDraft.problems("a", RewardKind.FIXED_AMOUNT, new BigDecimal("1.00001"), 1))
                .containsOnlyKeys("value");
        assertThat(RewardDraft.problems("a", RewardKind.FIXED_AMOUNT, new BigDecimal("1000000.01"), 1))
                .containsOnlyKeys("value");
        assertThat(RewardDraft.problems("a", RewardKind.PERCENTAGE, new BigDecimal("0"), 1))
                .containsOnlyKeys("value");
        assertThat(RewardDraft.problems("a", RewardKind.PERCENTAGE, new BigDecimal("101"), 1))
                .containsOnlyKeys("value");
        assertThat(RewardDraft.problems("a", RewardKind.FREE_SHIPPING, BigDecimal.ONE, 1))
                .containsOnlyKeys("value");
        assertThat(RewardDraft.problems("a", RewardKind.FREE_SHIPPING, null, 0)).containsOnlyKeys("cost");
        assertThat(RewardDraft.problems("a", RewardKind.FREE_SHIPPING, null, 10_000_001))
                .containsOnlyKeys("cost");
        assertThat(RewardDraft.problems("a", null, null, 1)).containsOnlyKeys("kind");
        assertThat(RewardDraft.problems("a", RewardKind.PERCENTAGE, new BigDecimal("100"), 10_000_000))
                .isEmpty();
        assertThatThrownBy(() -> new RewardDraft("a", RewardKind.PERCENTAGE, new BigDecimal("101"), 1))
                .isInstanceOf(InvalidRewardException.class)
                .hasMessage("The percentage off is from 1 to 100.");
    }

    private long id(String name) {
        return rewards.rewards(shop.id()).stream()
                .filter(r -> r.name().equals(name))
                .findFirst()
                .orElseThrow()
                .id();
    }

    private List<String> audit(String action) {
        return dsl.select(AUDIT_LOG.SUBJECT)
                .from(AUDIT_LOG)
                .where(AUDIT_LOG.SHOP_ID.eq(shop.id().value()))
                .and(AUDIT_LOG.ACTION.eq(action))
                .fetch(AUDIT_LOG.SUBJECT);
    }
}
