package io.loyaltyloop.loyalty;

import static io.loyaltyloop.testing.Orders.order;
import static org.assertj.core.api.Assertions.assertThat;

import io.loyaltyloop.lifecycle.OrderLifecycleEvent;
import io.loyaltyloop.shop.Shop;
import io.loyaltyloop.shop.ShopId;
import io.loyaltyloop.testing.MutableClock;
import io.loyaltyloop.testing.Orders;
import io.loyaltyloop.testing.Shops;
import io.loyaltyloop.testing.TestDatabase;
import java.time.Instant;
import java.util.List;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A backlog applied in batches ends exactly as if each event were applied alone. */
class BatchApplyTest {

    private final DSLContext dsl = TestDatabase.dsl();
    private final LoyaltyService loyalty =
            new LoyaltyService(dsl, new MutableClock(Instant.parse("2026-11-01T12:00:00Z")));
    private Shop shop;

    @BeforeEach
    void newShop() {
        shop = Shops.newShop(dsl);
    }

    @Test
    void appliesEveryEventOfABatchAndReportsEachInTheOrderGiven() {
        Orders a = order(shop.id()).customer("c-1").line("1", "60.00").line("2", "40.00");
        Orders b = order(shop.id()).customer("c-2").line("1", "25.00");

        List<ApplyResult> results =
                loyalty.applyAll(List.of(a.refund("r1", "2", "40.00"), b.paid(), a.paid(), b.paid()));

        assertThat(results)
                .extracting(ApplyResult::outcome)
                .containsExactly(
                        ApplyOutcome.APPLIED, ApplyOutcome.APPLIED, ApplyOutcome.APPLIED, ApplyOutcome.DUPLICATE);
        assertThat(loyalty.balance(shop.id(), "c-1").orElseThrow().pending()).isEqualTo(60);
        assertThat(loyalty.balance(shop.id(), "c-2").orElseThrow().pending()).isEqualTo(25);
    }

    @Test
    void aRejectedEventDoesNotHoldBackTheRestOfItsBatch() {
        Orders good = order(shop.id()).customer("c-1").line("1", "30.00");
        Orders wrongCurrency = order(shop.id()).customer("c-2").currency("EUR").line("1", "99.00");
        OrderLifecycleEvent unknownShop =
                order(new ShopId(Long.MAX_VALUE)).line("1", "5.00").paid();

        List<ApplyResult> results = loyalty.applyAll(List.of(good.paid(), wrongCurrency.paid(), unknownShop));

        assertThat(results)
                .extracting(ApplyResult::outcome)
                .containsExactly(ApplyOutcome.APPLIED, ApplyOutcome.REJECTED, ApplyOutcome.REJECTED);
        assertThat(results.get(1).error()).contains("is in EUR but the shop's currency is USD");
        assertThat(results.get(2).error()).isEqualTo("no shop shop:" + Long.MAX_VALUE);
        assertThat(loyalty.balance(shop.id(), "c-1").orElseThrow().pending()).isEqualTo(30);
        assertThat(loyalty.balance(shop.id(), "c-2")).isEmpty();
    }

    @Test
    void aBatchRedeliveredChangesNothing() {
        List<OrderLifecycleEvent> batch = List.of(
                order(shop.id()).customer("c-1").line("1", "10.00").paid(),
                order(shop.id()).customer("c-1").line("1", "20.00").paid());
        loyalty.applyAll(batch);

        assertThat(loyalty.applyAll(batch)).extracting(ApplyResult::outcome).containsOnly(ApplyOutcome.DUPLICATE);
        assertThat(loyalty.balance(shop.id(), "c-1").orElseThrow().pending()).isEqualTo(30);
        assertThat(new LedgerVerifier(dsl).verify(shop.id(), m -> {}).ok()).isTrue();
    }
}
