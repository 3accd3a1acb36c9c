package io.loyaltyloop.loyalty;

import static io.loyaltyloop.testing.Orders.order;
import static org.assertj.core.api.Assertions.assertThat;

import io.loyaltyloop.shop.ProgramSettings;
import io.loyaltyloop.shop.Shop;
import io.loyaltyloop.shop.ShopService;
import io.loyaltyloop.testing.MutableClock;
import io.loyaltyloop.testing.Orders;
import io.loyaltyloop.testing.Shops;
import io.loyaltyloop.testing.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Refunds and cancellations: an order's points always equal what its unrefunded base earns. */
class RefundsTest {

    private final DSLContext dsl = TestDatabase.dsl();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-01T12:00:00Z"));
    private final LoyaltyService loyalty = new LoyaltyService(dsl, clock);
    private Shop shop;

    @BeforeEach
    void newShop() {
        shop = Shops.newShop(dsl);
    }

    @Test
    void reversesPointsProportionallyOnPartialRefund() {
        Orders o = order(shop.id()).line("1", "60.00").line("2", "40.00");
        loyalty.apply(o.paid());

        loyalty.apply(o.refund("r1", "2", "40.00"));

        assertThat(balance(o).pending()).isEqualTo(60);
    }

    @Test
    void netPointsFollowTheRemainingBaseAfterSeveralRefunds() {
        Orders o = order(shop.id()).line("1", "100.00");
        loyalty.apply(o.paid());

        loyalty.apply(o.refund("r1", "1", "10.50"));
        loyalty.apply(o.refund("r2", "1", "19.75"));

        // 100 - 30.25 = 69.75 -> 69; not 100 - 10 - 19 = 71
        assertThat(balance(o).pending()).isEqualTo(69);
    }

    @Test
    void refundArrivingBeforeTheOrderEndsInTheSameState() {
        Orders inOrder = order(shop.id()).line("1", "60.00").line("2", "40.00");
        loyalty.apply(inOrder.paid());
        loyalty.apply(inOrder.refund("r1", "1", "25.00"));

        Orders reversed = order(shop.id()).line("1", "60.00").line("2", "40.00");
        loyalty.apply(reversed.refund("r1", "1", "25.00"));
        loyalty.apply(reversed.paid());

        assertThat(balance(reversed)).isEqualTo(balance(inOrder));
        assertThat(balance(reversed).pending()).isEqualTo(75);
    }

    @Test
    void refundingAGiftCardLineTakesNoPoints() {
        Orders o = order(shop.id()).line("1", "30.00").giftCard("2", "50.00");
        loyalty.apply(o.paid());

        loyalty.apply(o.refund("r1", "2", "50.00"));

        assertThat(balance(o).pending()).isEqualTo(30);
    }

    @Test
    void refundsBeyondTheOrderTakeNothingMoreThanItsPoints() {
        Orders o = order(shop.id()).line("1", "30.00");
        loyalty.apply(o.paid());

        loyalty.apply(o.refund("r1", "1", "30.00"));
        loyalty.apply(o.refund("r2", "1", "30.00"));

        assertThat(balance(o).pending()).isZero();
    }

    @Test
    void reversalAfterReleaseNeverTakesTheBalanceBelowZeroAndRecordsTheShortfall() {
        Orders o = order(shop.id()).line("1", "100.00");
        loyalty.apply(o.paid());
        releaseAll();
        loyalty.adjust(new ManualAdjustment(shop.id(), o.customerId(), -70, "test spend", "test"));

        loyalty.apply(o.cancelled());

        assertThat(balance(o).available()).isZero();
        LedgerEntry reversal = loyalty.ledger(shop.id(), o.customerId(), 1).getFirst();
        assertThat(reversal.kind()).isEqualTo(EntryKind.REVERSE);
        assertThat(reversal.availableDelta()).isEqualTo(-30);
        assertThat(reversal.shortfall()).isEqualTo(70);
        assertThat(new LedgerVerifier(dsl).verify(shop.id(), m -> {}).ok()).isTrue();
    }

    @Test
    void reversalMayGoNegativeWhenTheShopAllowsIt() {
        new ShopService(dsl).updateSettings(shop.id(), new ProgramSettings(14, true, 12, 12, false), "test");
        Orders o = order(shop.id()).line("1", "100.00");
        loyalty.apply(o.paid());
        releaseAll();
        loyalty.adjust(new ManualAdjustment(shop.id(), o.customerId(), -70, "test spend", "test"));

        loyalty.apply(o.cancelled());

        assertThat(balance(o).available()).isEqualTo(-70);
        assertThat(new LedgerVerifier(dsl).verify(shop.id(), m -> {}).ok()).isTrue();
    }

    @Test
    void cancellationBeforePaymentEarnsNothingEvenIfPaymentArrivesLater() {
        Orders o = order(shop.id()).line("1", "100.00");

        loyalty.apply(o.cancelled());
        loyalty.apply(o.paid());

        assertThat(balance(o).pending()).isZero();
        assertThat(loyalty.ledger(shop.id(), o.customerId(), 10)).isEmpty();
    }

    private void releaseAll() {
        clock.advance(Duration.ofDays(15));
        loyalty.releaseDuePoints(1000);
    }

    private Balance balance(Orders o) {
        return loyalty.balance(shop.id(), o.customerId()).orElseThrow();
    }
}
