package io.loyaltyloop.loyalty;

import io.loyaltyloop.loyalty.Scenario.PlannedLine;
import io.loyaltyloop.loyalty.Scenario.PlannedOrder;
import io.loyaltyloop.loyalty.Scenario.PlannedRefund;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.Tuple;

/**
 * Generators for the ledger properties. They generate small "genes" and build the scenario from
 * them deterministically, so that every shrunk value is still a valid history (refunds never take
 * more than a line's amount, ids and instants stay unique).
 */
final class LedgerArbitraries {

    private LedgerArbitraries() {}

    // --- scenarios -------------------------------------------------------------------------------

    record LineGene(BigDecimal amount, boolean giftCard) {}

    /** Per line (by position) the share of what is still unrefunded that this refund takes back, in basis points. */
    record RefundGene(List<Integer> shares, int daysAfter) {}

    /** @param customer which customer (modulo their number), or -1 for a guest checkout */
    record OrderGene(
            int customer,
            int day,
            List<LineGene> lines,
            boolean paid,
            List<RefundGene> refunds,
            boolean cancelled,
            int cancelDaysAfter,
            boolean cancelWithSnapshot) {}

    static Arbitrary<Scenario> scenarios() {
        Arbitrary<LineGene> line = Combinators.combine(
                        Arbitraries.bigDecimals()
                                .between(BigDecimal.ZERO, new BigDecimal("500.00"))
                                .ofScale(2)
                                .withDistribution(RandomDistribution.uniform()),
                        Arbitraries.frequency(Tuple.of(4, false), Tuple.of(1, true)))
                .as(LineGene::new);
        Arbitrary<RefundGene> refund = Combinators.combine(
                        Arbitraries.frequencyOf(
                                        Tuple.of(4, Arbitraries.just(0)),
                                        Tuple.of(1, Arbitraries.just(10_000)),
                                        Tuple.of(
                                                5,
                                                Arbitraries.integers()
                                                        .between(1, 10_000)
                                                        .withDistribution(RandomDistribution.uniform())))
                                .list()
                                .ofSize(4),
                        Arbitraries.integers().between(0, 20))
                .as(RefundGene::new);
        Arbitrary<OrderGene> order = Combinators.combine(
                        Arbitraries.frequencyOf(
                                Tuple.of(9, Arbitraries.integers().between(0, 2)), Tuple.of(1, Arbitraries.just(-1))),
                        // Mostly close together (tiers are reached), sometimes far apart (the window).
                        Arbitraries.frequencyOf(
                                Tuple.of(5, Arbitraries.integers().between(0, 60)),
                                Tuple.of(1, Arbitraries.integers().between(300, 420))),
                        line.list().ofMinSize(1).ofMaxSize(4).withSizeDistribution(RandomDistribution.uniform()),
                        Arbitraries.frequency(Tuple.of(6, true), Tuple.of(1, false)),
                        refund.list().ofMaxSize(3).withSizeDistribution(RandomDistribution.uniform()),
                        Arbitraries.frequency(Tuple.of(3, false), Tuple.of(1, true)),
                        Arbitraries.integers().between(0, 20),
                        Arbitraries.of(true, false))
                .as(OrderGene::new);
        return Combinators.combine(
                        Arbitraries.frequency(Tuple.of(3, 1), Tuple.of(2, 2), Tuple.of(1, 3)),
                        order.list().ofMinSize(1).ofMaxSize(6).withSizeDistribution(RandomDistribution.uniform()))
                .as(LedgerArbitraries::scenario);
    }

    static Scenario scenario(int customerCount, List<OrderGene> genes) {
        List<String> customers = new ArrayList<>();
        for (int c = 1; c <= customerCount; c++) {
            customers.add("c" + c);
        }
        List<PlannedOrder> orders = new ArrayList<>();
        for (int i = 0; i < genes.size(); i++) {
            OrderGene g = genes.get(i);
            String orderId = "o" + (i + 1);
            // Every event of order i falls on its own second of the minute: instants never tie.
            Instant placedAt = at(Scenario.START.plus(Duration.ofDays(g.day()).plusHours(1)), i, 0);
            Instant paidAt = g.paid() ? at(placedAt.plus(Duration.ofMinutes(30)), i, 1) : null;
            Instant baseline = paidAt != null ? paidAt : placedAt;

            List<PlannedLine> lines = new ArrayList<>();
            for (int l = 0; l < g.lines().size(); l++) {
                LineGene lg = g.lines().get(l);
                lines.add(new PlannedLine(orderId + "-l" + (l + 1), lg.amount(), lg.giftCard()));
            }

            List<BigDecimal> unrefunded =
                    new ArrayList<>(lines.stream().map(PlannedLine::amount).toList());
            List<PlannedRefund> refunds = new ArrayList<>();
            for (int r = 0; r < g.refunds().size(); r++) {
                RefundGene rg = g.refunds().get(r);
                Map<String, BigDecimal> amounts = new LinkedHashMap<>();
                for (int l = 0; l < lines.size(); l++) {
                    int share = rg.shares().get(l);
                    if (share == 0) {
                        continue;
                    }
                    BigDecimal amount = unrefunded
                            .get(l)
                            .multiply(BigDecimal.valueOf(share))
                            .divide(BigDecimal.valueOf(10_000), 2, RoundingMode.DOWN);
                    unrefunded.set(l, unrefunded.get(l).subtract(amount));
                    amounts.put(lines.get(l).id(), amount);
                }
                Instant refundedAt =
                        at(baseline.plus(Duration.ofDays(rg.daysAfter()).plusHours(1 + r)), i, 2 + r);
                refunds.add(new PlannedRefund(orderId + "-r" + (r + 1), refundedAt, amounts));
            }

            Instant cancelledAt = g.cancelled()
                    ? at(placedAt.plus(Duration.ofDays(g.cancelDaysAfter()).plusHours(5)), i, 5)
                    : null;
            orders.add(new PlannedOrder(
                    orderId,
                    g.customer() < 0 ? null : customers.get(g.customer() % customerCount),
                    placedAt,
                    paidAt,
                    List.copyOf(lines),
                    List.copyOf(refunds),
                    cancelledAt,
                    g.cancelWithSnapshot()));
        }
        return new Scenario(List.copyOf(customers), List.copyOf(orders));
    }

    /** The instant truncated to its minute, plus a second unique to the order and the event. */
    private static Instant at(Instant instant, int order, int slot) {
        long minute = instant.getEpochSecond() / 60 * 60;
        return Instant.ofEpochSecond(minute + order * 8L + slot);
    }

    // --- schedules: how the events arrive, and what else happens meanwhile ------------------------

    /** Something other than an event that happens between events. */
    sealed interface Op {
        int key();
    }

    /** A customer tries to spend points on one of the shop's rewards. */
    record Redeem(int key, int customer, int reward) implements Op {}

    /** The last redemption request is sent again with the same idempotency key. */
    record RetryRedeem(int key) implements Op {}

    /** The host store refuses to create the discount of one of the redemptions so far. */
    record FailRedemption(int key, int which) implements Op {}

    /** A store admin credits or debits points by hand. */
    record Adjust(int key, int customer, int points) implements Op {}

    /** Time passes; then the release and expiry jobs run. */
    record Advance(int key, int days) implements Op {}

    /** An event delivered once more, at the position given by its key. */
    record Duplicate(int event, int key) {}

    /**
     * How the events arrive: each event gets a sort key (events with equal keys keep the order they
     * happened in, so keys shrinking to 0 means "in order"), some are delivered again, and the ops
     * are slotted in by their keys.
     */
    record Schedule(List<Integer> eventKeys, List<Duplicate> duplicates, List<Op> ops) {}

    static final int KEY_RANGE = 100;

    static Arbitrary<Schedule> schedules(boolean withOps) {
        Arbitrary<Integer> key =
                Arbitraries.integers().between(0, KEY_RANGE).withDistribution(RandomDistribution.uniform());
        Arbitrary<Duplicate> duplicate =
                Combinators.combine(Arbitraries.integers().between(0, 99), key).as(Duplicate::new);
        Arbitrary<Op> op = Arbitraries.frequencyOf(
                Tuple.of(
                        3,
                        Combinators.combine(
                                        key,
                                        Arbitraries.integers().between(0, 2),
                                        Arbitraries.integers().between(0, 2))
                                .as(Redeem::new)),
                Tuple.of(1, key.map(RetryRedeem::new)),
                Tuple.of(
                        1,
                        Combinators.combine(key, Arbitraries.integers().between(0, 9))
                                .as(FailRedemption::new)),
                Tuple.of(
                        3,
                        Combinators.combine(
                                        key,
                                        Arbitraries.integers().between(0, 2),
                                        Arbitraries.frequencyOf(
                                                Tuple.of(
                                                        3,
                                                        Arbitraries.integers().between(1, 1000)),
                                                Tuple.of(
                                                        2,
                                                        Arbitraries.integers().between(-1000, -1))))
                                .as(Adjust::new)),
                Tuple.of(
                        3,
                        Combinators.combine(key, Arbitraries.of(1, 7, 14, 15, 30, 400))
                                .as(Advance::new)));
        return Combinators.combine(
                        key.list().ofSize(40),
                        duplicate.list().ofMaxSize(8).withSizeDistribution(RandomDistribution.uniform()),
                        withOps
                                ? op.list().ofMaxSize(12).withSizeDistribution(RandomDistribution.uniform())
                                : Arbitraries.just(List.<Op>of()))
                .as(Schedule::new);
    }
}
