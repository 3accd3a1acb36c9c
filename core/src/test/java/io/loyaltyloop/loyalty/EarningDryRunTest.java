package io.loyaltyloop.loyalty;

import static io.loyaltyloop.db.Tables.POINTS_LEDGER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loyaltyloop.shop.Shop;
import io.loyaltyloop.testing.MutableClock;
import io.loyaltyloop.testing.Orders;
import io.loyaltyloop.testing.Shops;
import io.loyaltyloop.testing.TestDatabase;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;

/** The program dry run: recent orders recomputed under a candidate rule, nothing written. */
class EarningDryRunTest {

    private static final Instant NOW = Instant.parse("2026-11-01T12:00:00Z");
    private static final EarningTerms ONE_POINT = new EarningTerms(BigDecimal.ONE, Rounding.DOWN, BigDecimal.ONE);

    private final DSLContext dsl = TestDatabase.dsl();
    private final MutableClock clock = new MutableClock(NOW);

    @Test
    void eachOrderIsRecomputedWithTheEnginesArithmetic() {
        List<EarningDryRun.EarnedOrder> orders = List.of(
                new EarningDryRun.EarnedOrder(new BigDecimal("10.50"), ONE_POINT),
                new EarningDryRun.EarnedOrder(
                        new BigDecimal("99.99"), ONE_POINT.withMultiplier(new BigDecimal("1.250"))),
                new EarningDryRun.EarnedOrder(BigDecimal.ZERO, ONE_POINT));
        EarningChange change = new EarningChange(
                new BigDecimal("1.5"), Rounding.HALF_UP, Map.of(new BigDecimal("1.25"), new BigDecimal("1.5")));

        EarningDryRun.Result result = EarningDryRun.recompute(NOW, orders, change);

        // now: 10.50 × 1 × 1 = 10.5 → 10 (down); 99.99 × 1 × 1.25 = 124.9875 → 124; 0 → 0: 134
        // then: 10.50 × 1.5 × 1 = 15.75 → 16 (half up); 99.99 × 1.5 × 1.5 = 224.9775 → 225; 0: 241
        assertThat(result.currentPoints()).isEqualTo(134);
        assertThat(result.candidatePoints()).isEqualTo(241);
        assertThat(result.addedPoints()).isEqualTo(107);
        assertThat(result.orders()).isEqualTo(3);
    }

    @Test
    void aLowerRateRemovesLiability() {
        // 200 × 1 = 200 now; 200 × 0.5 = 100 then: −100
        EarningDryRun.Result result = EarningDryRun.recompute(
                NOW,
                List.of(new EarningDryRun.EarnedOrder(new BigDecimal("200"), ONE_POINT)),
                EarningChange.rule(new BigDecimal("0.5"), Rounding.DOWN));

        assertThat(result.addedPoints()).isEqualTo(-100);
    }

    @Test
    void theLast90DaysOfEarningOrdersAreRecomputedAndNothingIsWritten() {
        Shop shop = Shops.newShop(dsl);
        LoyaltyService loyalty = new LoyaltyService(dsl, clock);
        Orders recent =
                Orders.order(shop.id()).placedAt(NOW.minusSeconds(86_400)).line("1", "100");
        Orders refunded =
                Orders.order(shop.id()).placedAt(NOW.minusSeconds(86_400)).line("1", "60");
        Orders cancelled =
                Orders.order(shop.id()).placedAt(NOW.minusSeconds(86_400)).line("1", "500");
        Orders old =
                Orders.order(shop.id()).placedAt(NOW.minusSeconds(91 * 86_400L)).line("1", "1000");
        for (Orders order : List.of(recent, refunded, cancelled, old)) {
            loyalty.apply(order.paid());
        }
        loyalty.apply(refunded.refund("r1", "1", "20"));
        loyalty.apply(cancelled.cancelled());
        int entries =
                dsl.fetchCount(POINTS_LEDGER, POINTS_LEDGER.SHOP_ID.eq(shop.id().value()));

        EarningDryRun.Result result =
                new EarningDryRun(dsl, clock).dryRun(shop.id(), EarningChange.rule(new BigDecimal("2"), Rounding.DOWN));

        // recent 100 and refunded 60 − 20 = 40 count (cancelled and 91-day-old ones do not):
        // now 100 + 40 = 140, then 2 × 140 = 280, so +140
        assertThat(result.orders()).isEqualTo(2);
        assertThat(result.currentPoints()).isEqualTo(140);
        assertThat(result.addedPoints()).isEqualTo(140);
        assertThat(dsl.fetchCount(
                        POINTS_LEDGER, POINTS_LEDGER.SHOP_ID.eq(shop.id().value())))
                .isEqualTo(entries);
    }

    @Test
    void aRateTheProgramWouldRefuseIsRefused() {
        assertThatThrownBy(() -> EarningChange.rule(BigDecimal.ZERO, Rounding.DOWN))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EarningChange.rule(new BigDecimal("10001"), Rounding.DOWN))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aChangeWithoutRoundingIsRefused() {
        assertThatThrownBy(() -> EarningChange.rule(BigDecimal.ONE, null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aTierMultiplierOutsideOneToTenIsRefused() {
        assertThatThrownBy(() ->
                        new EarningChange(BigDecimal.ONE, Rounding.DOWN, Map.of(BigDecimal.ONE, new BigDecimal("0.5"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("between 1 and 10");
    }

    @Test
    void aMultiplierChangeKeepsEachOrdersOwnRule() {
        Shop shop = Shops.newShop(dsl);
        LoyaltyService loyalty = new LoyaltyService(dsl, clock);
        // Silver (×1.25) from 500: the second order of this customer earns at ×1.25, the first at ×1.
        Orders first = Orders.order(shop.id())
                .customer("silver")
                .placedAt(NOW.minusSeconds(2 * 86_400L))
                .line("1", "500");
        Orders second = Orders.order(shop.id())
                .customer("silver")
                .placedAt(NOW.minusSeconds(86_400))
                .line("1", "100");
        loyalty.apply(first.paid());
        loyalty.apply(second.paid());

        EarningDryRun.Result result = new EarningDryRun(dsl, clock)
                .dryRunMultipliers(shop.id(), Map.of(new BigDecimal("1.25"), new BigDecimal("2")));

        // now: 500 × 1 + 100 × 1.25 = 625; then 500 × 1 + 100 × 2 = 700
        assertThat(result.orders()).isEqualTo(2);
        assertThat(result.currentPoints()).isEqualTo(625);
        assertThat(result.addedPoints()).isEqualTo(75);
    }

    @Test
    void aMultiplierDryRunRefusesAMultiplierOutsideOneToTen() {
        Shop shop = Shops.newShop(dsl);

        assertThatThrownBy(() -> new EarningDryRun(dsl, clock)
                        .dryRunMultipliers(shop.id(), Map.of(BigDecimal.ONE, new BigDecimal("0.5"))))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
