package io.loyaltyloop.loyalty;

import static io.loyaltyloop.testing.Orders.order;
import static org.assertj.core.api.Assertions.assertThat;

import io.loyaltyloop.shop.Shop;
import io.loyaltyloop.testing.MutableClock;
import io.loyaltyloop.testing.Orders;
import io.loyaltyloop.testing.Shops;
import io.loyaltyloop.testing.TestDatabase;
import java.time.Instant;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Bronze / Silver / Gold by spend over a rolling 12 months; the multiplier applies before rounding. */
class TiersTest {

    private static final String CUSTOMER = "vip";
    private final DSLContext dsl = TestDatabase.dsl();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-01T12:00:00Z"));
    private final LoyaltyService loyalty = new LoyaltyService(dsl, clock);
    private Shop shop;

    @BeforeEach
    void newShop() {
        shop = Shops.newShop(dsl);
    }

    @Test
    void aNewCustomerEarnsAtBronze() {
        pay("o1", "2026-06-01T10:00:00Z", "400.00");

        assertThat(balance().pending()).isEqualTo(400);
        assertThat(balance().tier()).isEqualTo("Bronze");
    }

    @Test
    void silverMultiplierAppliesOnceSpendReachesFiveHundred() {
        pay("o1", "2026-06-01T10:00:00Z", "500.00");
        pay("o2", "2026-07-01T10:00:00Z", "100.00");

        assertThat(balance().pending()).isEqualTo(500 + 125);
        assertThat(balance().tier()).isEqualTo("Silver");
    }

    @Test
    void goldMultiplierAppliesBeforeRoundingDown() {
        pay("o1", "2026-06-01T10:00:00Z", "1500.00");
        pay("o2", "2026-07-01T10:00:00Z", "10.99");

        // 10.99 x 1.5 = 16.485 -> 16; rounding first would give 15
        assertThat(balance().pending()).isEqualTo(1500 + 16);
        assertThat(balance().tier()).isEqualTo("Gold");
    }

    @Test
    void spendOlderThanTheTwelveMonthWindowDoesNotCount() {
        pay("o1", "2026-02-01T10:00:00Z", "1500.00");
        pay("o2", "2027-03-01T10:00:00Z", "100.00");

        assertThat(balance().pending()).isEqualTo(1500 + 100);
    }

    @Test
    void refundedSpendDoesNotQualify() {
        Orders big = pay("o1", "2026-06-01T10:00:00Z", "600.00");
        loyalty.apply(big.refund("r1", "1", "200.00"));
        pay("o2", "2026-07-01T10:00:00Z", "100.00");

        assertThat(balance().pending()).isEqualTo(400 + 100);
    }

    @Test
    void aRefundIsMeasuredWithTheMultiplierTheOrderEarnedAt() {
        pay("o1", "2026-06-01T10:00:00Z", "500.00");
        Orders silver = pay("o2", "2026-07-01T10:00:00Z", "100.00");

        loyalty.apply(silver.refund("r1", "1", "40.00"));

        assertThat(balance().pending()).isEqualTo(500 + 75); // 60 x 1.25
    }

    @Test
    void aCustomerDropsATierOnceTheirSpendLeavesTheRollingWindow() {
        pay("o1", "2026-06-01T10:00:00Z", "1500.00");
        clock.set(Instant.parse("2026-12-01T00:00:00Z"));
        loyalty.refreshTiers();
        assertThat(balance().tier()).isEqualTo("Gold");

        clock.set(Instant.parse("2027-06-02T00:00:00Z"));
        loyalty.refreshTiers();

        assertThat(balance().tier()).isEqualTo("Bronze");
    }

    private Orders pay(String orderId, String paidAt, String amount) {
        Instant at = Instant.parse(paidAt);
        Orders o = order(shop.id()).id(orderId).customer(CUSTOMER).placedAt(at).line("1", amount);
        loyalty.apply(o.paid(at));
        return o;
    }

    private Balance balance() {
        return loyalty.balance(shop.id(), CUSTOMER).orElseThrow();
    }
}
