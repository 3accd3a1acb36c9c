package io.loyaltyloop.journey;

import static io.loyaltyloop.journey.Journeys.fulfillment;
import static io.loyaltyloop.testing.Orders.order;
import static org.assertj.core.api.Assertions.assertThat;

import io.loyaltyloop.lifecycle.OrderLifecycleEvent;
import io.loyaltyloop.shop.ShopId;
import io.loyaltyloop.testing.Orders;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;

/**
 * Whatever order an order's events arrive in, however often, one by one or in batches, the journey
 * ends with the same plan as when they arrive once, in order.
 */
class ArrivalOrderProperties {

    private final Journeys j = new Journeys();

    /** The events of one order's life, each a function of the shop and order it is about. */
    private static final List<Function<Orders, OrderLifecycleEvent>> HISTORY = List.of(
            o -> o.paid(Instant.parse("2026-11-01T10:01:00Z")),
            o -> fulfillment(o.shop(), o.id() + "/f1", o.id(), "F1", "success", null, "2026-11-02T15:00:00Z"),
            o -> fulfillment(o.shop(), o.id() + "/f2", o.id(), "F1", "success", "in_transit", "2026-11-03T15:00:00Z"),
            o -> fulfillment(o.shop(), o.id() + "/f3", o.id(), "F1", "success", "failure", "2026-11-04T15:00:00Z"),
            o -> fulfillment(
                    o.shop(), o.id() + "/f4", o.id(), "F1", "success", "out_for_delivery", "2026-11-05T13:00:00Z"),
            o -> fulfillment(o.shop(), o.id() + "/f5", o.id(), "F1", "success", "delivered", "2026-11-05T18:00:00Z"),
            // The same status again in a later update, under another event id.
            o -> fulfillment(o.shop(), o.id() + "/f6", o.id(), "F1", "success", "delivered", "2026-11-06T18:00:00Z"),
            o -> fulfillment(o.shop(), o.id() + "/g1", o.id(), "F2", "success", null, "2026-11-03T16:00:00Z"),
            o -> fulfillment(o.shop(), o.id() + "/g2", o.id(), "F2", "cancelled", null, "2026-11-03T17:00:00Z"),
            o -> o.refund("r1", "1", "20.00"),
            o -> o.cancelled());

    @Property(tries = 60, shrinking = ShrinkingMode.OFF)
    void anyArrivalOrderWithDuplicatesAndBatchesEndsInTheSamePlan(
            @ForAll("histories") List<Integer> arrival, @ForAll("batchSizes") int batchSize) {
        ShopId shop = j.newShop().id();
        Orders inOrder = order(shop).line("1", "50.00");
        Orders shuffled = order(shop).line("1", "50.00");
        List<Integer> present = arrival.stream().distinct().sorted().toList();
        for (int i : present) {
            j.loyalty.apply(HISTORY.get(i).apply(inOrder));
        }

        List<OrderLifecycleEvent> events = new ArrayList<>();
        for (int i : arrival) {
            events.add(HISTORY.get(i).apply(shuffled));
        }
        for (int from = 0; from < events.size(); from += batchSize) {
            List<OrderLifecycleEvent> batch = events.subList(from, Math.min(events.size(), from + batchSize));
            if (batch.size() == 1) {
                j.loyalty.apply(batch.getFirst());
            } else {
                j.loyalty.applyAll(batch);
            }
        }

        assertThat(j.plan(shop, shuffled.id())).isEqualTo(j.plan(shop, inOrder.id()));
    }

    /** A random subset of the history (the payment always), shuffled, with some events twice. */
    @Provide
    Arbitrary<List<Integer>> histories() {
        return Arbitraries.integers()
                .between(0, HISTORY.size() - 1)
                .list()
                .ofMinSize(1)
                .ofMaxSize(16)
                .map(list -> {
                    List<Integer> withPayment = new ArrayList<>(list);
                    withPayment.add(0);
                    Collections.shuffle(withPayment, new Random(list.hashCode()));
                    return withPayment;
                });
    }

    @Provide
    Arbitrary<Integer> batchSizes() {
        return Arbitraries.integers().between(1, 5);
    }
}
