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

/** Available points expire after 12 months without earn or redeem activity, by the shop's calendar. */
class ExpiryTest {

    private final DSLContext dsl = TestDatabase.dsl();
    // 2026-03-10 23:30 in Auckland (UTC+13) is 10:30 UTC the same day.
    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-10T10:30:00Z"));
    private final LoyaltyService loyalty = new LoyaltyService(dsl, clock);
    private Shop shop;
    private Orders order;

    @BeforeEach
    void customerWithAvailablePoints() {
        shop = Shops.newShop(dsl, "NZD", "Pacific/Auckland");
        order = order(shop.id()).currency("NZD").placedAt(clock.instant()).line("1", "200.00");
        loyalty.apply(order.paid(clock.instant()));
        clock.advance(Duration.ofDays(15));
        loyalty.releaseDuePoints(100);
    }

    @Test
    void expiryFallsAtTheEndOfTheShopLocalDayTwelveMonthsAfterTheLastActivity() {
        // Last activity: 2026-03-10 local (Auckland). Expires at the start of 2027-03-11 local = 2027-03-10T11:00Z
        // (NZDT).
        assertThat(balance().expiresAt()).isEqualTo(Instant.parse("2027-03-10T11:00:00Z"));
    }

    @Test
    void availablePointsExpireOnlyOnceTheInactivityPeriodHasPassed() {
        clock.set(Instant.parse("2027-03-10T10:59:59Z"));
        loyalty.expireInactivePoints(1000);
        assertThat(balance().available()).isEqualTo(200);

        clock.set(Instant.parse("2027-03-10T11:00:00Z"));
        assertThat(loyalty.expireInactivePoints(1000)).isPositive();

        assertThat(balance().available()).isZero();
        LedgerEntry expiry = loyalty.ledger(shop.id(), order.customerId(), 1).getFirst();
        assertThat(expiry.kind()).isEqualTo(EntryKind.EXPIRE);
        assertThat(expiry.availableDelta()).isEqualTo(-200);
    }

    @Test
    void earningAgainRestartsTheClock() {
        clock.set(Instant.parse("2027-01-05T00:00:00Z"));
        Orders second = order(shop.id())
                .customer(order.customerId())
                .currency("NZD")
                .placedAt(clock.instant())
                .line("1", "5.00");
        loyalty.apply(second.paid(clock.instant()));

        clock.set(Instant.parse("2027-03-11T00:00:00Z"));
        loyalty.expireInactivePoints(1000);
        assertThat(balance().available()).isEqualTo(200);
    }

    @Test
    void turningExpiryOffStopsExpiryEvenForAccountsWithAnExpiryDateAlready() {
        new ShopService(dsl).updateSettings(shop.id(), new ProgramSettings(14, false, 0, 12, false), "test");

        clock.set(Instant.parse("2030-01-01T00:00:00Z"));
        loyalty.expireInactivePoints(1000);

        assertThat(balance().available()).isEqualTo(200);
    }

    @Test
    void newActivityClearsTheExpiryDateWhenExpiryIsOff() {
        new ShopService(dsl).updateSettings(shop.id(), new ProgramSettings(14, false, 0, 12, false), "test");
        Orders second = order(shop.id())
                .customer(order.customerId())
                .currency("NZD")
                .placedAt(clock.instant())
                .line("1", "5.00");

        loyalty.apply(second.paid(clock.instant()));

        assertThat(balance().expiresAt()).isNull();
    }

    private Balance balance() {
        return loyalty.balance(shop.id(), order.customerId()).orElseThrow();
    }
}
