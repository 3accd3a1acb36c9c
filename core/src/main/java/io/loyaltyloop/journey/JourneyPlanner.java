package io.loyaltyloop.journey;

import io.loyaltyloop.journey.OrderFacts.MilestoneSeen;
import io.loyaltyloop.lifecycle.FulfillmentUpdated;
import io.loyaltyloop.loyalty.OrderChange;
import io.loyaltyloop.loyalty.OrderFactsListener;
import io.loyaltyloop.shop.ShopId;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jooq.DSLContext;

/**
 * Keeps the journey of every changed order equal to what its facts call for ({@link OrderPlan}), in
 * the engine's transaction. Per shop of a transaction: one statement for the milestones of the
 * fulfillment events, one read of the orders' facts, one read of the shop's settings when a
 * fulfillment is involved, and one upsert of the steps — whatever the number of events.
 *
 * <p>Outside order events, in the release job's and credits' transactions: POINTS_EARNED when an
 * order's points are released, and REWARD_UNLOCKED for each active reward a rise of the available
 * balance made affordable (see {@link JourneyStep#rewardSubject}).
 */
public class JourneyPlanner implements OrderFactsListener {

    private final JourneyRepository repository;
    private final JourneySettings defaults;

    /** @param defaults the deployment's settings for shops that saved none */
    public JourneyPlanner(DSLContext dsl, JourneySettings defaults) {
        this.repository = new JourneyRepository(dsl);
        this.defaults = defaults;
    }

    @Override
    public void ordersChanged(List<OrderChange> changes) {
        Map<ShopId, List<OrderChange>> byShop = new LinkedHashMap<>();
        for (OrderChange change : changes) {
            byShop.computeIfAbsent(change.shop(), s -> new ArrayList<>()).add(change);
        }
        byShop.forEach(this::plan);
    }

    /**
     * An order this transaction created and no fulfillment of which it saw has no facts in the
     * database beyond the ones the engine just reported: its journey needs no read (the payment of
     * a new order, the most common event).
     */
    private static OrderFacts factsWithoutReading(long orderId, List<OrderChange> changes) {
        OrderChange.OrderState first = null;
        OrderChange.OrderState last = null;
        for (OrderChange change : changes) {
            if (change.orderId() != orderId) {
                continue;
            }
            if (change.state() == null) {
                return null; // a fulfillment: milestones to read
            }
            first = first == null ? change.state() : first;
            last = change.state();
        }
        if (first == null || !first.createdByEvent()) {
            return null;
        }
        return new OrderFacts(
                orderId,
                last.customerId(),
                last.paidAt(),
                last.cancelled(),
                last.fullyRefunded(),
                last.priorToInstall(),
                List.of());
    }

    @Override
    public void pointsReleased(ShopId shop, long orderId, long customerId, long points, Instant at) {
        if (points > 0) {
            repository.upsertSteps(
                    shop,
                    List.of(new PlannedStep(
                            PlannedStep.orderSubject(orderId),
                            StepKind.POINTS_EARNED,
                            orderId,
                            null,
                            customerId,
                            at,
                            StepStatus.PLANNED,
                            null)));
        }
    }

    @Override
    public void availablePointsRose(ShopId shop, long customerId, long before, long after, long entryId, Instant at) {
        if (after <= before) {
            return;
        }
        List<PlannedStep> unlocked = repository.rewardsCrossed(shop, before, after).stream()
                .map(rewardId -> new PlannedStep(
                        JourneyStep.rewardSubject(customerId, rewardId, entryId),
                        StepKind.REWARD_UNLOCKED,
                        null,
                        null,
                        customerId,
                        at,
                        StepStatus.PLANNED,
                        null))
                .toList();
        if (!unlocked.isEmpty()) {
            repository.upsertSteps(shop, unlocked);
        }
    }

    private void plan(ShopId shop, List<OrderChange> changes) {
        Set<Long> orderIds = new LinkedHashSet<>();
        // One row per milestone: a statement may not update the same row twice (a batch can hold
        // the same status twice), so the earliest wins here already.
        Map<List<Object>, Map.Entry<Long, MilestoneSeen>> milestones = new LinkedHashMap<>();
        for (OrderChange change : changes) {
            orderIds.add(change.orderId());
            FulfillmentUpdated f = change.fulfillment();
            Milestone milestone = f == null ? null : Milestone.of(f.status(), f.shipmentStatus());
            if (milestone != null) {
                var seen = Map.entry(
                        change.orderId(), new MilestoneSeen(f.externalFulfillmentId(), milestone, f.updatedAt()));
                milestones.merge(
                        List.of(change.orderId(), f.externalFulfillmentId(), milestone),
                        seen,
                        (a, b) -> a.getValue().seenAt().isAfter(b.getValue().seenAt()) ? b : a);
            }
        }
        if (!milestones.isEmpty()) {
            repository.recordMilestones(shop, milestones.values());
        }
        Map<Long, OrderFacts> facts = new LinkedHashMap<>();
        Set<Long> toRead = new LinkedHashSet<>();
        for (long orderId : orderIds) {
            OrderFacts known = factsWithoutReading(orderId, changes);
            if (known != null) {
                facts.put(orderId, known);
            } else {
                toRead.add(orderId);
            }
        }
        if (!toRead.isEmpty()) {
            facts.putAll(repository.orderFacts(shop, toRead));
        }
        List<PlannedStep> steps = new ArrayList<>();
        JourneyRepository.ShopJourney journey = null;
        for (OrderFacts order : facts.values()) {
            // Without fulfillments only the order confirmation is planned, which needs no settings:
            // the common payment event costs no settings read.
            if (order.milestones().isEmpty()) {
                steps.addAll(OrderPlan.target(order, defaults, ZoneOffset.UTC));
                continue;
            }
            if (journey == null) {
                journey = repository.shopJourney(shop, defaults);
            }
            steps.addAll(OrderPlan.target(order, journey.settings(), journey.zone()));
        }
        if (!steps.isEmpty()) {
            repository.upsertSteps(shop, steps);
        }
    }
}
