package io.loyaltyloop.journey;

import static io.loyaltyloop.testing.Orders.order;
import static org.assertj.core.api.Assertions.assertThat;

import io.loyaltyloop.shop.ShopId;
import io.loyaltyloop.testing.Orders;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import org.junit.jupiter.api.Test;

/** The dispatcher's side: leases are exclusive, run out, and a step is finished once. */
class DispatchLeaseTest {

    private static final Instant DUE_BY = Instant.parse("2026-11-01T12:00:00Z");

    private final Journeys j = new Journeys();

    private List<Long> confirmations(ShopId shop, int orders) {
        List<Long> stepIds = new ArrayList<>();
        for (int i = 0; i < orders; i++) {
            Orders order = order(shop).line("1", "10.00");
            j.loyalty.apply(order.paid(Instant.parse("2026-11-01T10:01:00Z")));
            stepIds.add(j.timeline(shop, order.id()).getFirst().stepId());
        }
        return stepIds;
    }

    private static Set<Long> ofShop(ShopId shop, List<JourneyStep> leased) {
        Set<Long> ids = new HashSet<>();
        leased.stream().filter(s -> s.shop().equals(shop)).forEach(s -> ids.add(s.stepId()));
        return ids;
    }

    @Test
    void twoDispatchersLeasingAtOnceNeverGetTheSameStep() throws Exception {
        ShopId shop = j.newShop().id();
        List<Long> steps = confirmations(shop, 30);
        CyclicBarrier start = new CyclicBarrier(2);

        List<CompletableFuture<List<JourneyStep>>> leasers = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            leasers.add(CompletableFuture.supplyAsync(() -> {
                try {
                    start.await();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                List<JourneyStep> leased = new ArrayList<>();
                for (int round = 0; round < 10; round++) {
                    leased.addAll(j.journeys.leaseDue(DUE_BY, 5));
                }
                return leased;
            }));
        }
        Set<Long> first = ofShop(shop, leasers.get(0).get());
        Set<Long> second = ofShop(shop, leasers.get(1).get());

        // (AssertJ's doesNotContainAnyElementsOf refuses an empty list: one leaser may get them all.)
        assertThat(java.util.Collections.disjoint(first, second))
                .as("%s and %s", first, second)
                .isTrue();
        Set<Long> all = new HashSet<>(first);
        all.addAll(second);
        assertThat(all).isSubsetOf(steps);
    }

    @Test
    void aLeaseThatRanOutIsTakenOverAndAFinishedStepIsNotLeasedAgain() {
        ShopId shop = j.newShop().id();
        List<Long> steps = confirmations(shop, 2);
        drain(DUE_BY);

        assertThat(ofShop(shop, j.journeys.leaseDue(DUE_BY, 1000))).isEmpty();
        j.journeys.markSent(shop, steps.get(0));
        Set<Long> afterExpiry =
                ofShop(shop, drain(DUE_BY.plus(JourneyService.LEASE).plusSeconds(1)));

        assertThat(afterExpiry).containsExactly(steps.get(1));
    }

    @Test
    void aStepIsFinishedOnceAndRescheduledOnlyWhilePlanned() {
        ShopId shop = j.newShop().id();
        long step = confirmations(shop, 1).getFirst();

        assertThat(j.journeys.reschedule(shop, step, DUE_BY.plus(Duration.ofHours(2))))
                .isTrue();
        assertThat(j.journeys.markSent(shop, step)).isTrue();
        assertThat(j.journeys.markSkipped(shop, step, "late")).isFalse();
        assertThat(j.journeys.reschedule(shop, step, DUE_BY)).isFalse();
    }

    @Test
    void unsubscribingCancelsTheCustomersPlannedSteps() {
        ShopId shop = j.newShop().id();
        Orders order = order(shop).line("1", "10.00");
        j.loyalty.apply(order.paid(Instant.parse("2026-11-01T10:01:00Z")));
        long customerId = j.timeline(shop, order.id()).getFirst().customerId();

        j.journeys.cancelForCustomer(shop, customerId, "unsubscribed");

        assertThat(j.plan(shop, order.id()))
                .containsExactly("ORDER_CONFIRMED - CANCELLED 2026-11-01T10:01:00Z (unsubscribed)");
    }

    /** Leases every due step of every shop (the database is shared), to start from no open lease. */
    private List<JourneyStep> drain(Instant now) {
        List<JourneyStep> all = new ArrayList<>();
        for (List<JourneyStep> leased = j.journeys.leaseDue(now, 1000);
                !leased.isEmpty();
                leased = j.journeys.leaseDue(now, 1000)) {
            all.addAll(leased);
        }
        return all;
    }
}
