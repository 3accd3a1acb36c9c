package io.loyaltyloop.loyalty;

import static io.loyaltyloop.db.Tables.AUDIT_LOG;
import static io.loyaltyloop.db.Tables.EARNING_EXCLUSION;
import static io.loyaltyloop.db.Tables.EARNING_RULE;
import static io.loyaltyloop.testing.Orders.order;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loyaltyloop.lifecycle.OrderLine;
import io.loyaltyloop.shop.Shop;
import io.loyaltyloop.testing.MutableClock;
import io.loyaltyloop.testing.Orders;
import io.loyaltyloop.testing.Shops;
import io.loyaltyloop.testing.TestDatabase;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The merchant's changes to how customers earn: the rule is replaced, never rewritten; exclusions. */
class EarningServiceTest {

    private final DSLContext dsl = TestDatabase.dsl();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-01T12:00:00Z"));
    private final LoyaltyService loyalty = new LoyaltyService(dsl, clock);
    private final EarningService earning = new EarningService(dsl, clock);
    private Shop shop;

    @BeforeEach
    void newShop() {
        shop = Shops.newShop(dsl);
    }

    @Test
    void changingTheRuleDeactivatesTheOldRowAndInsertsOneActiveRule() {
        EarningRule before = earning.rule(shop.id());

        EarningRule after = earning.changeRule(shop.id(), new BigDecimal("2.5"), Rounding.HALF_UP, "admin:o@x.test");

        assertThat(after.ruleId()).isNotEqualTo(before.ruleId());
        assertThat(after.pointsPerUnit()).isEqualByComparingTo("2.5");
        assertThat(after.rounding()).isEqualTo(Rounding.HALF_UP);
        assertThat(dsl.fetchCount(
                        EARNING_RULE, EARNING_RULE.SHOP_ID.eq(shop.id().value())))
                .isEqualTo(2);
        assertThat(dsl.fetchCount(
                        EARNING_RULE, EARNING_RULE.SHOP_ID.eq(shop.id().value()).and(EARNING_RULE.ACTIVE.isTrue())))
                .isEqualTo(1);
        assertThat(dsl.select(EARNING_RULE.ACTIVE, EARNING_RULE.POINTS_PER_UNIT)
                        .from(EARNING_RULE)
                        .where(EARNING_RULE.SHOP_ID.eq(shop.id().value()))
                        .and(EARNING_RULE.RULE_ID.eq(before.ruleId()))
                        .fetchSingle())
                .satisfies(r -> {
                    assertThat(r.value1()).isFalse();
                    assertThat(r.value2()).isEqualByComparingTo("1");
                });
        assertThat(audit("program.earning_rule.update"))
                .contains("\"old_points_per_unit\": \"1\"", "\"new_points_per_unit\": \"2.5\"", "HALF_UP");
    }

    @Test
    void concurrentChangesLeaveExactlyOneActiveRule() throws Exception {
        int owners = 8;
        try (ExecutorService pool = Executors.newFixedThreadPool(owners)) {
            List<Future<EarningRule>> changes = new ArrayList<>();
            for (int i = 1; i <= owners; i++) {
                BigDecimal rate = BigDecimal.valueOf(i);
                changes.add(pool.submit(() -> earning.changeRule(shop.id(), rate, Rounding.DOWN, "test")));
            }
            for (Future<EarningRule> change : changes) {
                change.get();
            }
        }

        assertThat(dsl.fetchCount(
                        EARNING_RULE, EARNING_RULE.SHOP_ID.eq(shop.id().value())))
                .isEqualTo(1 + owners);
        assertThat(dsl.fetchCount(
                        EARNING_RULE, EARNING_RULE.SHOP_ID.eq(shop.id().value()).and(EARNING_RULE.ACTIVE.isTrue())))
                .isEqualTo(1);
    }

    @Test
    void theNextOrderEarnsUnderTheNewRuleAndAnEarlierOneKeepsItsPoints() {
        Orders earlier = order(shop.id()).line("1", "10.00");
        loyalty.apply(earlier.paid());

        earning.changeRule(shop.id(), new BigDecimal("3"), Rounding.DOWN, "test");
        Orders later = order(shop.id()).line("1", "10.00");
        loyalty.apply(later.paid());
        loyalty.apply(earlier.refund("r1", "1", "5.00"));

        assertThat(pending(later)).isEqualTo(30);
        assertThat(pending(earlier)).isEqualTo(5); // still 1 point per unit, on what is left
    }

    @Test
    void aRuleOutOfBoundsOrWithTooManyDecimalsIsRefusedAndNothingChanges() {
        for (String rate : new String[] {"0", "-1", "10000.0001", "1.23456"}) {
            assertThatThrownBy(() -> earning.changeRule(shop.id(), new BigDecimal(rate), Rounding.DOWN, "test"))
                    .isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> earning.changeRule(shop.id(), BigDecimal.TEN, null, "test"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(dsl.fetchCount(
                        EARNING_RULE, EARNING_RULE.SHOP_ID.eq(shop.id().value())))
                .isEqualTo(1);
    }

    @Test
    void fourDecimalsAndTrailingZerosAreAccepted() {
        assertThat(earning.changeRule(shop.id(), new BigDecimal("0.12340000"), Rounding.UP, "test")
                        .pointsPerUnit())
                .isEqualByComparingTo("0.1234");
    }

    @Test
    void anExclusionIsAddedListedAndRemovedWithAnAuditEntryEach() {
        EarningExclusion added = earning.addExclusion(shop.id(), ExclusionField.VENDOR, "  Acme  ", "test");

        assertThat(added.value()).isEqualTo("Acme");
        assertThat(earning.exclusions(shop.id())).containsExactly(added);
        assertThat(earning.removeExclusion(shop.id(), added.exclusionId(), "test"))
                .isEqualTo(added);
        assertThat(earning.exclusions(shop.id())).isEmpty();
        assertThat(audit("program.exclusion.add")).contains("VENDOR", "Acme");
        assertThat(audit("program.exclusion.remove")).contains("VENDOR", "Acme");
    }

    @Test
    void aDuplicateExclusionIsRefusedAndNothingIsAdded() {
        earning.addExclusion(shop.id(), ExclusionField.SKU, "GIFT-1", "test");

        assertThatThrownBy(() -> earning.addExclusion(shop.id(), ExclusionField.SKU, "GIFT-1", "test"))
                .isInstanceOf(DuplicateExclusionException.class);
        assertThat(dsl.fetchCount(
                        EARNING_EXCLUSION,
                        EARNING_EXCLUSION.SHOP_ID.eq(shop.id().value())))
                .isEqualTo(1);
    }

    @Test
    void anEmptyOrTooLongExclusionValueIsRefused() {
        assertThatThrownBy(() -> earning.addExclusion(shop.id(), ExclusionField.SKU, "   ", "test"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> earning.addExclusion(shop.id(), ExclusionField.SKU, "x".repeat(256), "test"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(earning.exclusions(shop.id())).isEmpty();
    }

    @Test
    void anotherShopsExclusionIsNotFoundAndStays() {
        Shop other = Shops.newShop(dsl);
        EarningExclusion theirs = earning.addExclusion(other.id(), ExclusionField.SKU, "X", "test");

        assertThatThrownBy(() -> earning.removeExclusion(shop.id(), theirs.exclusionId(), "test"))
                .isInstanceOf(ExclusionNotFoundException.class);
        assertThat(earning.exclusions(other.id())).containsExactly(theirs);
    }

    @Test
    void anExclusionAppliesToLinesThatArriveAfterIt() {
        Orders before = order(shop.id()).line(line("1", "20.00", "SKU-X"));
        loyalty.apply(before.paid());

        earning.addExclusion(shop.id(), ExclusionField.SKU, "SKU-X", "test");
        Orders after = order(shop.id()).line(line("1", "20.00", "SKU-X")).line("2", "5.00");
        loyalty.apply(after.paid());

        assertThat(pending(before)).isEqualTo(20);
        assertThat(pending(after)).isEqualTo(5);
    }

    @Test
    void eligibleAmountsLeaveOutGiftCardsAndExcludedLinesAsTheEngineDoes() {
        earning.addExclusion(shop.id(), ExclusionField.SKU, "SKU-X", "test");
        earning.addExclusion(shop.id(), ExclusionField.VENDOR, "Acme", "test");
        OrderLine excludedSku = line("1", "20.00", "SKU-X");
        OrderLine excludedVendor =
                new OrderLine("2", "7", null, "OK", "Thing", "Acme", null, 1, new BigDecimal("3.00"), false);
        OrderLine giftCard =
                new OrderLine("3", null, null, "GC", "Gift card", null, null, 1, new BigDecimal("50.00"), true);
        OrderLine earns = line("4", "12.34", "SKU-Y");

        List<BigDecimal> amounts =
                earning.basketTerms(shop.id()).eligibleAmounts(List.of(excludedSku, excludedVendor, giftCard, earns));
        Orders paid = order(shop.id())
                .line(excludedSku)
                .line(excludedVendor)
                .line(giftCard)
                .line(earns);
        loyalty.apply(paid.paid());

        assertThat(amounts)
                .usingElementComparator(BigDecimal::compareTo)
                .containsExactly(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, new BigDecimal("12.34"));
        assertThat(pending(paid)).isEqualTo(12); // the ledger credits the same 12.34, rounded down
    }

    private static OrderLine line(String id, String amount, String sku) {
        return new OrderLine(id, null, null, sku, "Thing", null, null, 1, new BigDecimal(amount), false);
    }

    private long pending(Orders o) {
        return loyalty.balance(shop.id(), o.customerId()).orElseThrow().pending();
    }

    private String audit(String action) {
        return dsl.select(AUDIT_LOG.DETAILS)
                .from(AUDIT_LOG)
                .where(AUDIT_LOG.SHOP_ID.eq(shop.id().value()))
                .and(AUDIT_LOG.ACTION.eq(action))
                .fetchSingle()
                .value1()
                .data();
    }
}
