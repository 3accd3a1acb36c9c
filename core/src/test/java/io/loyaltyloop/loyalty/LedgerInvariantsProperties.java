package io.loyaltyloop.loyalty;

import static org.assertj.core.api.Assertions.assertThat;

import io.loyaltyloop.lifecycle.OrderLifecycleEvent;
import io.loyaltyloop.loyalty.LedgerArbitraries.Adjust;
import io.loyaltyloop.loyalty.LedgerArbitraries.Advance;
import io.loyaltyloop.loyalty.LedgerArbitraries.Duplicate;
import io.loyaltyloop.loyalty.LedgerArbitraries.FailRedemption;
import io.loyaltyloop.loyalty.LedgerArbitraries.Op;
import io.loyaltyloop.loyalty.LedgerArbitraries.Redeem;
import io.loyaltyloop.loyalty.LedgerArbitraries.RetryRedeem;
import io.loyaltyloop.loyalty.LedgerArbitraries.Schedule;
import io.loyaltyloop.reward.Redemption;
import io.loyaltyloop.reward.Reward;
import io.loyaltyloop.reward.RewardService;
import io.loyaltyloop.shop.ShopId;
import io.loyaltyloop.testing.MutableClock;
import io.loyaltyloop.testing.Shops;
import io.loyaltyloop.testing.TestDatabase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import org.jooq.DSLContext;

/**
 * The ledger's invariants over random histories on real PostgreSQL: 1-3 customers, 1-6 orders of 1-4
 * lines (some gift cards, some guest checkouts), up to 3 partial refunds and maybe a cancellation per
 * order, delivered shuffled and with duplicates, with redemptions, manual adjustments and the release
 * and expiry jobs in between. Every try works in fresh shops of the default program.
 *
 * <p>A failure prints jqwik's seed and the shrunk history; {@code @Property(seed = "...")} replays it.
 */
class LedgerInvariantsProperties {

    private final DSLContext dsl = TestDatabase.dsl();
    private final MutableClock clock = new MutableClock(Scenario.START);
    private final LoyaltyService loyalty = new LoyaltyService(dsl, clock);
    private final RewardService rewards = new RewardService(dsl, clock);
    private final LedgerVerifier verifier = new LedgerVerifier(dsl);

    @Provide
    Arbitrary<Scenario> scenarios() {
        return LedgerArbitraries.scenarios();
    }

    /** Shuffled, with duplicates, with redemptions, adjustments and time passing in between. */
    @Provide
    Arbitrary<Schedule> busy() {
        return LedgerArbitraries.schedules(true);
    }

    /** Shuffled, with duplicates; nothing else happens. */
    @Provide
    Arbitrary<Schedule> deliveries() {
        return LedgerArbitraries.schedules(false);
    }

    /** After every step, every balance is the sum of its ledger and no available balance is negative. */
    @Property(tries = 50, shrinking = ShrinkingMode.BOUNDED)
    void everyBalanceIsItsLedgerAndNeverNegative(
            @ForAll("scenarios") Scenario scenario, @ForAll("busy") Schedule schedule) {
        serially(() -> {
            Run run = new Run(newShop(), scenario);
            for (Step step : run.steps(schedule)) {
                run.perform(step);
                List<String> mismatches = new ArrayList<>();
                LedgerVerifier.Report report = verifier.verify(run.shop, mismatches::add);
                assertThat(report.mismatches())
                        .as("after %s: %s", step, mismatches)
                        .isZero();
                assertThat(TenantRows.minAvailable(dsl, run.shop))
                        .as("lowest available balance after %s", step)
                        .isNotNegative();
            }
        });
    }

    /**
     * A repeated delivery, wherever it falls, returns DUPLICATE and changes neither the ledger nor a
     * balance nor an order; at the end every event is delivered once more and no row of the shop moves.
     */
    @Property(tries = 50, shrinking = ShrinkingMode.BOUNDED)
    void deliveringAnEventAgainChangesNothing(
            @ForAll("scenarios") Scenario scenario, @ForAll("busy") Schedule schedule) {
        serially(() -> {
            Run run = new Run(newShop(), scenario);
            Set<String> applied = new HashSet<>();
            for (Step step : run.steps(schedule)) {
                if (step instanceof Deliver(OrderLifecycleEvent event) && applied.contains(event.sourceEventId())) {
                    assertRedeliveryChangesNothing(run, event);
                } else {
                    run.perform(step);
                    if (step instanceof Deliver(OrderLifecycleEvent event)) {
                        assertThat(run.lastOutcome)
                                .as("first delivery of %s", event)
                                .isEqualTo(ApplyOutcome.APPLIED);
                        applied.add(event.sourceEventId());
                    }
                }
            }
            // Then every event once more, in the order they arrived.
            var before = TenantRows.all(dsl, run.shop);
            for (Step step : run.steps(schedule)) {
                if (step instanceof Deliver(OrderLifecycleEvent event)) {
                    assertRedeliveryChangesNothing(run, event);
                }
            }
            assertThat(TenantRows.all(dsl, run.shop)).isEqualTo(before);
        });
    }

    private void assertRedeliveryChangesNothing(Run run, OrderLifecycleEvent event) {
        var before = TenantRows.books(dsl, run.shop);
        assertThat(loyalty.apply(event)).as("delivering %s again", event).isEqualTo(ApplyOutcome.DUPLICATE);
        assertThat(TenantRows.books(dsl, run.shop))
                .as("books after delivering %s again", event)
                .isEqualTo(before);
    }

    /**
     * The same order events in the order they happened (shop A) and shuffled with duplicates (shop B)
     * give the same points per order and the same balances. No redemptions or time passing in between:
     * those legitimately depend on when they happen.
     */
    @Property(tries = 50, shrinking = ShrinkingMode.BOUNDED)
    void arrivalOrderDoesNotMatter(@ForAll("scenarios") Scenario scenario, @ForAll("deliveries") Schedule schedule) {
        serially(() -> {
            Run inOrder = new Run(newShop(), scenario);
            for (OrderLifecycleEvent event : inOrder.events) {
                inOrder.perform(new Deliver(event));
            }
            Run shuffled = new Run(newShop(), scenario);
            for (Step step : shuffled.steps(schedule)) {
                shuffled.perform(step);
            }

            assertThat(TenantRows.orderPoints(dsl, shuffled.shop))
                    .as("net points per order")
                    .isEqualTo(TenantRows.orderPoints(dsl, inOrder.shop));
            assertThat(TenantRows.balances(dsl, shuffled.shop))
                    .as("pending and available points per customer")
                    .isEqualTo(TenantRows.balances(dsl, inOrder.shop));
        });
    }

    /**
     * Every order's net points never exceed what its remaining eligible amount earns under its tier at
     * payment ({@link PointsModel}, given the events applied so far), and equal it once all arrived.
     */
    @Property(tries = 50, shrinking = ShrinkingMode.BOUNDED)
    void ordersEarnExactlyWhatTheirRemainingBaseEarns(
            @ForAll("scenarios") Scenario scenario, @ForAll("busy") Schedule schedule) {
        serially(() -> {
            Run run = new Run(newShop(), scenario);
            Set<String> applied = new HashSet<>();
            for (Step step : run.steps(schedule)) {
                run.perform(step);
                if (step instanceof Deliver(OrderLifecycleEvent event)) {
                    applied.add(event.sourceEventId());
                }
                Map<String, Long> ceiling = PointsModel.expected(scenario, applied);
                TenantRows.orderPoints(dsl, run.shop)
                        .forEach((order, points) -> assertThat(points)
                                .as("net points of %s after %s", order, step)
                                .isBetween(0L, ceiling.get(order)));
            }
            Map<String, Long> expected = PointsModel.expected(scenario);
            assertThat(TenantRows.orderPoints(dsl, run.shop)).isEqualTo(expected);
        });
    }

    /**
     * Two shops get histories with the same external ids and source event ids: applying A's events,
     * redemptions and adjustments changes no row of B, and A's queries only ever return A's data.
     */
    @Property(tries = 40, shrinking = ShrinkingMode.BOUNDED)
    void shopsNeverSeeOrChangeEachOthersRows(
            @ForAll("scenarios") Scenario ofA,
            @ForAll("busy") Schedule scheduleA,
            @ForAll("scenarios") Scenario ofB,
            @ForAll("busy") Schedule scheduleB) {
        serially(() -> {
            // The jobs are left out: they run for every shop by design.
            Run b = new Run(newShop(), ofB);
            for (Step step : b.steps(scheduleB)) {
                if (!(step instanceof Do(Advance advance))) {
                    b.perform(step);
                }
            }
            var rowsOfB = TenantRows.all(dsl, b.shop);

            // The same external ids and source event ids, now in shop A.
            Run a = new Run(newShop(), ofA);
            Set<String> applied = new HashSet<>();
            for (Step step : a.steps(scheduleA)) {
                if (!(step instanceof Do(Advance advance))) {
                    a.perform(step);
                }
                if (step instanceof Deliver(OrderLifecycleEvent event) && applied.add(event.sourceEventId())) {
                    assertThat(a.lastOutcome)
                            .as("first delivery of %s to shop A", event)
                            .isEqualTo(ApplyOutcome.APPLIED);
                }
            }

            assertThat(TenantRows.all(dsl, b.shop)).as("shop B's rows").isEqualTo(rowsOfB);
            assertThat(TenantRows.orderPoints(dsl, a.shop)).isEqualTo(PointsModel.expected(ofA));
            var accountsOfA = TenantRows.accounts(dsl, a.shop);
            for (String customer : ofA.customers()) {
                var account = accountsOfA.get(customer);
                var balance = loyalty.balance(a.shop, customer);
                if (account == null) {
                    assertThat(balance).isEmpty();
                    continue;
                }
                assertThat(balance).hasValueSatisfying(x -> {
                    assertThat(x.pending()).isEqualTo(account.get("pending"));
                    assertThat(x.available()).isEqualTo(account.get("available"));
                });
                var ownEntries = TenantRows.ledgerEntryIds(dsl, a.shop, customer);
                assertThat(loyalty.ledger(a.shop, customer, 1000))
                        .extracting(LedgerEntry::entryId)
                        .containsExactlyInAnyOrderElementsOf(ownEntries);
            }
            for (long redemption : b.redemptions) {
                assertThat(rewards.find(a.shop, redemption)).isEmpty();
            }
            assertThat(verifier.verify(a.shop, m -> {}).accounts()).isEqualTo(accountsOfA.size());
        });
    }

    /**
     * Runs a try while no other try runs. jqwik's bounded shrinking gives up on a slow shrink after a
     * while but lets its current step finish in the background; that step may run the release and
     * expiry jobs, which touch every shop, so it must not overlap the next property's tries.
     */
    private static void serially(Runnable tryBody) {
        synchronized (LedgerInvariantsProperties.class) {
            tryBody.run();
        }
    }

    private ShopId newShop() {
        return Shops.newShop(dsl).id();
    }

    // --- running a schedule ----------------------------------------------------------------------

    sealed interface Step {}

    record Deliver(OrderLifecycleEvent event) implements Step {
        @Override
        public String toString() {
            return "deliver " + event.sourceEventId();
        }
    }

    record Do(Op op) implements Step {
        @Override
        public String toString() {
            return op.toString();
        }
    }

    /** One shop's run through a scenario. */
    private final class Run {

        final ShopId shop;
        final Scenario scenario;
        final List<OrderLifecycleEvent> events;
        final List<Long> redemptions = new ArrayList<>();
        ApplyOutcome lastOutcome;
        private Redeem lastRequest;
        private String lastKey;
        private int keys;

        Run(ShopId shop, Scenario scenario) {
            this.shop = shop;
            this.scenario = scenario;
            this.events = scenario.events(shop);
            clock.set(Scenario.START);
        }

        /** The events and ops in the order the schedule's keys put them. */
        List<Step> steps(Schedule schedule) {
            record Slotted(int key, int rank, int index, Step step) {}
            List<Slotted> slotted = new ArrayList<>();
            for (int i = 0; i < events.size(); i++) {
                int key = schedule.eventKeys().get(i % schedule.eventKeys().size());
                slotted.add(new Slotted(key, 0, i, new Deliver(events.get(i))));
            }
            for (int d = 0; d < schedule.duplicates().size(); d++) {
                Duplicate duplicate = schedule.duplicates().get(d);
                OrderLifecycleEvent event = events.get(duplicate.event() % events.size());
                slotted.add(new Slotted(duplicate.key(), 1, d, new Deliver(event)));
            }
            for (int o = 0; o < schedule.ops().size(); o++) {
                Op op = schedule.ops().get(o);
                slotted.add(new Slotted(op.key(), 2, o, new Do(op)));
            }
            slotted.sort(Comparator.comparingInt(Slotted::key)
                    .thenComparingInt(Slotted::rank)
                    .thenComparingInt(Slotted::index));
            return slotted.stream().map(Slotted::step).toList();
        }

        void perform(Step step) {
            switch (step) {
                case Deliver(OrderLifecycleEvent event) -> {
                    // Events arrive after they happen.
                    if (clock.instant().isBefore(event.occurredAt())) {
                        clock.set(event.occurredAt());
                    }
                    lastOutcome = loyalty.apply(event);
                }
                case Do(Redeem redeem) -> redeem(redeem, "redeem-" + ++keys);
                case Do(RetryRedeem retry) -> {
                    if (lastRequest != null) {
                        redeem(lastRequest, lastKey);
                    }
                }
                case Do(FailRedemption fail) -> {
                    if (!redemptions.isEmpty()) {
                        rewards.markFailed(shop, redemptions.get(fail.which() % redemptions.size()), "host refused");
                    }
                }
                case Do(Adjust adjust) -> {
                    try {
                        loyalty.adjust(new ManualAdjustment(
                                shop, customer(adjust.customer()), adjust.points(), "goodwill", "admin@example.com"));
                    } catch (InsufficientPointsException | CustomerNotFoundException refused) {
                        // refused, and nothing changed (property 1 checks the books)
                    }
                }
                case Do(Advance advance) -> {
                    clock.advance(Duration.ofDays(advance.days()));
                    // The jobs run for all shops; run them until this shop's work is surely done.
                    while (loyalty.releaseDuePoints(500) == 500) {}
                    while (loyalty.expireInactivePoints(500) == 500) {}
                }
            }
        }

        private void redeem(Redeem request, String key) {
            List<Reward> offered = rewards.rewards(shop);
            Reward reward = offered.get(request.reward() % offered.size());
            lastRequest = request;
            lastKey = key;
            try {
                Redemption redemption = rewards.redeem(shop, customer(request.customer()), reward.id(), key);
                if (!redemptions.contains(redemption.id())) {
                    redemptions.add(redemption.id());
                }
            } catch (InsufficientPointsException | CustomerNotFoundException refused) {
                // refused, and nothing changed
            }
        }

        private String customer(int index) {
            return scenario.customers().get(index % scenario.customers().size());
        }
    }
}
