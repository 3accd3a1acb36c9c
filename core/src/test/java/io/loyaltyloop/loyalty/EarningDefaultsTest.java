package io.loyaltyloop.loyalty;

import static io.loyaltyloop.testing.Orders.order;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loyaltyloop.lifecycle.InvalidEventException;
import io.loyaltyloop.shop.ProgramSettings;
import io.loyaltyloop.shop.Shop;
import io.loyaltyloop.shop.ShopService;
import io.loyaltyloop.testing.MutableClock;
import io.loyaltyloop.testing.Orders;
import io.loyaltyloop.testing.Shops;
import io.loyaltyloop.testing.TestDatabase;
import java.time.Instant;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The default earning rule, one behaviour at a time, on a shop with no configuration. */
class EarningDefaultsTest {

    private final DSLContext dsl = TestDatabase.dsl();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-01T12:00:00Z"));
    private final LoyaltyService loyalty = new LoyaltyService(dsl, clock);
    private Shop shop;

    @BeforeEach
    void newShop() {
        shop = Shops.newShop(dsl);
    }

    @Test
    void earnsOnePointPerWholeCurrencyUnitRoundedDownPerOrder() {
        Orders o = order(shop.id()).line("1", "10.99").line("2", "5.50");

        loyalty.apply(o.paid());

        assertThat(balance(o).pending()).isEqualTo(16); // 16.49 -> 16, not 10 + 5
    }

    @Test
    void placingAnOrderEarnsNothingUntilItIsPaid() {
        Orders o = order(shop.id()).line("1", "100.00");

        loyalty.apply(o.placed());

        assertThat(balance(o).pending()).isZero();
        loyalty.apply(o.paid());
        assertThat(balance(o).pending()).isEqualTo(100);
    }

    @Test
    void giftCardLinesEarnNothing() {
        Orders o = order(shop.id()).line("1", "40.00").giftCard("2", "50.00");

        loyalty.apply(o.paid());

        assertThat(balance(o).pending()).isEqualTo(40);
    }

    @Test
    void guestOrdersEarnNothing() {
        Orders o = order(shop.id()).guest().line("1", "40.00");

        assertThat(loyalty.apply(o.paid())).isEqualTo(ApplyOutcome.APPLIED);

        assertThat(new LedgerVerifier(dsl).verify(shop.id(), m -> {}).accounts())
                .isZero();
    }

    @Test
    void earnedPointsStayPendingForFourteenDaysThenBecomeAvailable() {
        Orders o = order(shop.id()).line("1", "120.00");
        Instant paidAt = Instant.parse("2026-11-01T10:01:00Z");
        loyalty.apply(o.paid(paidAt));

        clock.set(paidAt.plus(java.time.Duration.ofDays(14)).minusSeconds(1));
        loyalty.releaseDuePoints(100);
        assertThat(balance(o)).extracting(Balance::pending, Balance::available).containsExactly(120L, 0L);

        clock.set(paidAt.plus(java.time.Duration.ofDays(14)));
        loyalty.releaseDuePoints(100);
        assertThat(balance(o)).extracting(Balance::pending, Balance::available).containsExactly(0L, 120L);
    }

    @Test
    void cancellingAPaidOrderReversesAllItsPoints() {
        Orders o = order(shop.id()).line("1", "80.00");
        loyalty.apply(o.paid());

        loyalty.apply(o.cancelled());

        assertThat(balance(o).pending()).isZero();
        assertThat(loyalty.ledger(shop.id(), o.customerId(), 10))
                .extracting(LedgerEntry::kind)
                .containsExactly(EntryKind.REVERSE, EntryKind.EARN);
    }

    @Test
    void applyingTheSameEventTwiceChangesNothing() {
        Orders o = order(shop.id()).line("1", "50.00");

        assertThat(loyalty.apply(o.paid())).isEqualTo(ApplyOutcome.APPLIED);
        assertThat(loyalty.apply(o.paid())).isEqualTo(ApplyOutcome.DUPLICATE);

        assertThat(balance(o).pending()).isEqualTo(50);
        assertThat(loyalty.ledger(shop.id(), o.customerId(), 10)).hasSize(1);
    }

    private Balance balance(Orders o) {
        return loyalty.balance(shop.id(), o.customerId()).orElseThrow();
    }

    @Test
    void ordersPlacedBeforeTheInstallEarnNothingByDefault() {
        Orders o =
                order(shop.id()).placedAt(Shops.INSTALLED_AT.minusSeconds(3600)).line("1", "90.00");

        loyalty.apply(o.paid(Shops.INSTALLED_AT.minusSeconds(60)));

        assertThat(balance(o).pending()).isZero();
    }

    @Test
    void ordersPlacedBeforeTheInstallEarnWhenTheMerchantChoosesToAwardThem() {
        new ShopService(dsl).updateSettings(shop.id(), new ProgramSettings(14, false, 12, 12, true), "owner");
        Orders o =
                order(shop.id()).placedAt(Shops.INSTALLED_AT.minusSeconds(3600)).line("1", "90.00");

        loyalty.apply(o.paid(Shops.INSTALLED_AT.minusSeconds(60)));

        assertThat(balance(o).pending() + balance(o).available()).isEqualTo(90);
    }

    @Test
    void anOrderInAnotherCurrencyThanTheShopsIsRejectedAndChangesNothing() {
        Orders o = order(shop.id()).currency("GBP").line("1", "19.99");

        assertThatThrownBy(() -> loyalty.apply(o.paid()))
                .isInstanceOf(InvalidEventException.class)
                .hasMessage("order " + o.id() + " is in GBP but the shop's currency is USD: send shop money");

        assertThat(loyalty.balance(shop.id(), o.customerId())).isEmpty();
        assertThat(loyalty.apply(order(shop.id())
                        .id(o.id())
                        .customer(o.customerId())
                        .line("1", "19.99")
                        .paid()))
                .isEqualTo(ApplyOutcome.APPLIED);
    }
}
