package io.loyaltyloop.tier;

import static io.loyaltyloop.db.Tables.AUDIT_LOG;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loyaltyloop.loyalty.LoyaltyService;
import io.loyaltyloop.shop.Shop;
import io.loyaltyloop.testing.MutableClock;
import io.loyaltyloop.testing.Orders;
import io.loyaltyloop.testing.Shops;
import io.loyaltyloop.testing.TestDatabase;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The merchant's edits of the ladder: audited, min spend unique per shop, and customers follow a
 * threshold change at once through the engine's re-tiering.
 */
class TierEditsTest {

    private static final String OWNER = "admin:owner@shop.test";
    private static final Instant NOW = Instant.parse("2026-11-01T12:00:00Z");
    private final DSLContext dsl = TestDatabase.dsl();
    private final MutableClock clock = new MutableClock(NOW);
    private final LoyaltyService loyalty = new LoyaltyService(dsl, clock);
    private final TierService tiers = new TierService(dsl, loyalty::refreshTiers);
    private Shop shop;

    @BeforeEach
    void shopWithASilverAndABronzeCustomer() {
        shop = Shops.newShop(dsl);
        pay("silver", "600.00");
        pay("bronze", "100.00");
    }

    @Test
    void theMembershipCountsEachTiersMembersLowestFirst() {
        TierMembership membership = tiers.membership(shop.id());

        assertThat(membership.rungs())
                .extracting(r -> r.tier().name(), TierMembership.Rung::members)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Bronze", 1L),
                        org.assertj.core.groups.Tuple.tuple("Silver", 1L),
                        org.assertj.core.groups.Tuple.tuple("Gold", 0L));
        assertThat(membership.belowEveryTier()).isZero();
    }

    @Test
    void aNewTierTakesTheCustomersWhoReachItAtOnce() {
        Tier created =
                tiers.create(shop.id(), new TierDraft("Copper", new BigDecimal("50"), new BigDecimal("1.1")), OWNER);

        assertThat(tier("bronze")).isEqualTo("Copper");
        assertThat(tier("silver")).isEqualTo("Silver");
        assertThat(audit("tier.create")).containsExactly("tier:" + created.id());
    }

    @Test
    void raisingAThresholdMovesCustomersWhoNoLongerReachIt() {
        Tier silver = named("Silver");

        tiers.update(
                shop.id(), silver.id(), new TierDraft("Silver", new BigDecimal("700"), new BigDecimal("1.25")), OWNER);

        assertThat(tier("silver")).isEqualTo("Bronze");
        assertThat(audit("tier.update")).containsExactly("tier:" + silver.id());
    }

    @Test
    void aSecondTierAtTheSameSpendIsRefusedAndNothingChanges() {
        assertThatThrownBy(() -> tiers.create(
                        shop.id(), new TierDraft("Other", new BigDecimal("500.00"), BigDecimal.TWO), OWNER))
                .isInstanceOf(InvalidTierException.class)
                .satisfies(
                        e -> assertThat(((InvalidTierException) e).problems()).containsOnlyKeys("minSpend"));
        Tier gold = named("Gold");
        assertThatThrownBy(() -> tiers.update(
                        shop.id(), gold.id(), new TierDraft("Gold", new BigDecimal("500"), BigDecimal.TWO), OWNER))
                .isInstanceOf(InvalidTierException.class);

        assertThat(tiers.ladder(shop.id()).tiers()).hasSize(3);
        assertThat(named("Gold").minSpend()).isEqualByComparingTo("1500");
        assertThat(audit("tier.create")).isEmpty();
    }

    @Test
    void deletingATierMovesItsMembersToTheTierTheirSpendReaches() {
        Tier silver = named("Silver");

        int members = tiers.delete(shop.id(), silver.id(), OWNER);

        assertThat(members).isEqualTo(1);
        assertThat(tier("silver")).isEqualTo("Bronze");
        assertThat(audit("tier.delete")).containsExactly("tier:" + silver.id());
    }

    @Test
    void withoutABaseTierCustomersBelowEveryThresholdAreInNoTier() {
        tiers.delete(shop.id(), named("Bronze").id(), OWNER);

        assertThat(tier("bronze")).isNull();
        assertThat(tiers.membership(shop.id()).belowEveryTier()).isEqualTo(1);
        assertThat(tiers.ladder(shop.id()).multiplierFor(new BigDecimal("100"))).isEqualByComparingTo("1");
    }

    @Test
    void aMultiplierChangeAppliesToOrdersPaidAfterIt() {
        Tier silver = named("Silver");

        tiers.update(shop.id(), silver.id(), new TierDraft("Silver", new BigDecimal("500"), BigDecimal.TWO), OWNER);
        loyalty.apply(Orders.order(shop.id())
                .customer("silver")
                .placedAt(NOW.minusSeconds(3_600))
                .line("1", "100.00")
                .paid());

        // 600 at ×1 (below Silver when paid) stays; the new order earns 100 × 2.
        assertThat(loyalty.balance(shop.id(), "silver").orElseThrow().pending()).isEqualTo(600 + 200);
    }

    @Test
    void anotherShopsTierIsNotFoundAndUnchanged() {
        Shop other = Shops.newShop(dsl);
        Tier theirs = tiers.ladder(other.id()).tiers().getFirst();

        assertThatThrownBy(() -> tiers.delete(shop.id(), theirs.id(), OWNER)).isInstanceOf(TierNotFoundException.class);
        assertThatThrownBy(() ->
                        tiers.update(shop.id(), theirs.id(), new TierDraft("x", BigDecimal.TEN, BigDecimal.TEN), OWNER))
                .isInstanceOf(TierNotFoundException.class);
        assertThat(tiers.ladder(other.id()).tiers()).contains(theirs);
    }

    @Test
    void theRulesOfATierAreCheckedFieldByField() {
        assertThat(TierDraft.problems("", BigDecimal.ZERO, BigDecimal.ONE)).containsOnlyKeys("name");
        assertThat(TierDraft.problems("x".repeat(61), BigDecimal.ZERO, BigDecimal.ONE))
                .containsOnlyKeys("name");
        assertThat(TierDraft.problems("a", new BigDecimal("-1"), BigDecimal.ONE))
                .containsOnlyKeys("minSpend");
        assertThat(TierDraft.problems("a", new BigDecimal("0.00001"), BigDecimal.ONE))
                .containsOnlyKeys("minSpend");
        assertThat(TierDraft.problems("a", BigDecimal.ZERO, new BigDecimal("0.5")))
                .containsOnlyKeys("multiplier");
        assertThat(TierDraft.problems("a", BigDecimal.ZERO, new BigDecimal("11")))
                .containsOnlyKeys("multiplier");
        assertThat(TierDraft.problems("a", BigDecimal.ZERO, new BigDecimal("1.2345")))
                .containsOnlyKeys("multiplier");
        assertThat(TierDraft.problems("a", BigDecimal.ZERO, new BigDecimal("10.000")))
                .isEmpty();
    }

    private void pay(String customer, String amount) {
        loyalty.apply(Orders.order(shop.id())
                .customer(customer)
                .placedAt(NOW.minusSeconds(86_400))
                .line("1", amount)
                .paid());
    }

    private Tier named(String name) {
        return tiers.ladder(shop.id()).tiers().stream()
                .filter(t -> t.name().equals(name))
                .findFirst()
                .orElseThrow();
    }

    private String tier(String customer) {
        return loyalty.balance(shop.id(), customer).orElseThrow().tier();
    }

    private List<String> audit(String action) {
        return dsl.select(AUDIT_LOG.SUBJECT)
                .from(AUDIT_LOG)
                .where(AUDIT_LOG.SHOP_ID.eq(shop.id().value()))
                .and(AUDIT_LOG.ACTION.eq(action))
                .fetch(AUDIT_LOG.SUBJECT);
    }
}
