package io.loyaltyloop.loyalty;

import static io.loyaltyloop.testing.Orders.order;
import static org.assertj.core.api.Assertions.assertThat;

import io.loyaltyloop.shop.Shop;
import io.loyaltyloop.testing.MutableClock;
import io.loyaltyloop.testing.Orders;
import io.loyaltyloop.testing.Shops;
import io.loyaltyloop.testing.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The tier multiplier is fixed at payment: it counts the customer's spend as it stood when the
 * order was paid, whatever order the events about that spend arrive in.
 *
 * <p>A first order of 500.00 reaches Silver (1.25x); a second order of 0.80, paid after it, earns
 * floor(0.80 x 1.25) = 1 point at Silver and 0 points without.
 */
class TierAtPaymentTest {

    private static final Instant T0 = Instant.parse("2026-11-01T10:00:00Z");

    private final DSLContext dsl = TestDatabase.dsl();
    private final MutableClock clock = new MutableClock(T0.plus(Duration.ofDays(1)));
    private final LoyaltyService loyalty = new LoyaltyService(dsl, clock);
    private Shop shop;
    private Orders first;

    @BeforeEach
    void newShop() {
        shop = Shops.newShop(dsl);
        first = order(shop.id()).customer("c").placedAt(T0).line("1", "500.00"); // paid T0+1m
    }

    @Test
    void aRefundAfterThePaymentDoesNotLowerTheTierEvenWhenItArrivesFirst() {
        // paid at T0+31m; the first order's refund happens at T0+2h, after it
        Orders second =
                order(shop.id()).customer("c").placedAt(T0.plusSeconds(1800)).line("1", "0.80");

        loyalty.apply(first.paid());
        loyalty.apply(first.refund("r1", "1", "100.00"));
        loyalty.apply(second.paid());

        assertThat(pending()).isEqualTo(400 + 1);
    }

    @Test
    void aCancellationAfterThePaymentDoesNotLowerTheTierEvenWhenItArrivesFirst() {
        // paid at T0+31m; the first order is cancelled at T0+1h, after it
        Orders second =
                order(shop.id()).customer("c").placedAt(T0.plusSeconds(1800)).line("1", "0.80");

        loyalty.apply(first.paid());
        loyalty.apply(first.cancelled());
        loyalty.apply(second.paid());

        assertThat(pending()).isEqualTo(0 + 1);
    }

    @Test
    void anEarlierPaymentThatArrivesLateStillCountsTowardsTheTier() {
        Orders second =
                order(shop.id()).customer("c").placedAt(T0.plusSeconds(1800)).line("1", "0.80");

        loyalty.apply(second.paid());
        loyalty.apply(first.paid());

        assertThat(pending()).isEqualTo(500 + 1);
    }

    @Test
    void anEarlierRefundThatArrivesLateLowersTheTier() {
        // paid at T0+3h1m; the first order's refund happened at T0+2h, before it
        Orders second = order(shop.id())
                .customer("c")
                .placedAt(T0.plusSeconds(3 * 3600))
                .line("1", "0.80");

        loyalty.apply(first.paid());
        loyalty.apply(second.paid());
        assertThat(pending()).isEqualTo(500 + 1);
        loyalty.apply(first.refund("r1", "1", "100.00"));

        assertThat(pending()).isEqualTo(400 + 0);
        assertThat(new LedgerVerifier(dsl).verify(shop.id(), m -> {}).ok()).isTrue();
    }

    private long pending() {
        return loyalty.balance(shop.id(), "c").orElseThrow().pending();
    }
}
