package io.loyaltyloop.journey;

import io.loyaltyloop.journey.OrderFacts.MilestoneSeen;
import io.loyaltyloop.lifecycle.FulfillmentUpdated;
import io.loyaltyloop.loyalty.OrderChange;
import io.loyaltyloop.loyalty.OrderFactsListener;
import io.loyaltyloop.shop.ShopId;
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
        List<PlannedStep> steps = new ArrayList<>();
        JourneyRepository.ShopJourney journey = null;
        for (OrderFacts facts : repository.orderFacts(shop, orderIds).values()) {
            // Without fulfillments only the order confirmation is planned, which needs no settings:
            // the common payment event costs no settings read.
            if (journey == null && !facts.milestones().isEmpty()) {
                journey = repository.shopJourney(shop, defaults);
            }
            steps.addAll(
                    journey == null
                            ? OrderPlan.target(facts, defaults, ZoneOffset.UTC)
                            : OrderPlan.target(facts, journey.settings(), journey.zone()));
        }
        if (!steps.isEmpty()) {
            repository.upsertSteps(shop, steps);
        }
    }
}
