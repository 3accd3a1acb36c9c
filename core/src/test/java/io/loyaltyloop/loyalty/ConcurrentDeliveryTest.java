package io.loyaltyloop.loyalty;

import static io.loyaltyloop.testing.Orders.order;
import static org.assertj.core.api.Assertions.assertThat;

import io.loyaltyloop.lifecycle.OrderLifecycleEvent;
import io.loyaltyloop.shop.Shop;
import io.loyaltyloop.testing.MutableClock;
import io.loyaltyloop.testing.Orders;
import io.loyaltyloop.testing.Shops;
import io.loyaltyloop.testing.TestDatabase;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;

/** Every event delivered three times, concurrently and shuffled: effects are applied exactly once. */
class ConcurrentDeliveryTest {

    private final DSLContext dsl = TestDatabase.dsl();
    private final LoyaltyService loyalty =
            new LoyaltyService(dsl, new MutableClock(Instant.parse("2026-11-01T12:00:00Z")));

    @Test
    void eachEventDeliveredThreeTimesConcurrentlyIsAppliedExactlyOnce() throws Exception {
        Shop shop = Shops.newShop(dsl);
        List<OrderLifecycleEvent> deliveries = new ArrayList<>();
        long expectedPoints = 0;
        for (int i = 0; i < 60; i++) {
            Orders o =
                    order(shop.id()).customer("c-" + (i % 5)).line("1", "30.00").line("2", "20.00");
            for (int copy = 0; copy < 3; copy++) {
                deliveries.add(o.placed());
                deliveries.add(o.paid());
                deliveries.add(o.refund("r1", "2", "20.00"));
            }
            expectedPoints += 30;
        }
        Collections.shuffle(deliveries, new Random(7));

        ExecutorService pool = Executors.newFixedThreadPool(12);
        List<Callable<ApplyOutcome>> tasks = new ArrayList<>();
        deliveries.forEach(event -> tasks.add(() -> loyalty.apply(event)));
        long applied = 0;
        for (Future<ApplyOutcome> outcome : pool.invokeAll(tasks)) {
            applied += outcome.get() == ApplyOutcome.APPLIED ? 1 : 0;
        }
        pool.shutdown();

        assertThat(applied).isEqualTo(60 * 3);
        long total = 0;
        for (int c = 0; c < 5; c++) {
            total += loyalty.balance(shop.id(), "c-" + c).orElseThrow().pending();
        }
        assertThat(total).isEqualTo(expectedPoints);
        assertThat(new LedgerVerifier(dsl).verify(shop.id(), m -> {}).ok()).isTrue();
    }
}
