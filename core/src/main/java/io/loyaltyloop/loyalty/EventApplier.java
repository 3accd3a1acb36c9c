package io.loyaltyloop.loyalty;

import io.loyaltyloop.lifecycle.CustomerRedacted;
import io.loyaltyloop.lifecycle.CustomerSnapshot;
import io.loyaltyloop.lifecycle.CustomerUpserted;
import io.loyaltyloop.lifecycle.FulfillmentUpdated;
import io.loyaltyloop.lifecycle.InvalidEventException;
import io.loyaltyloop.lifecycle.OrderCancelled;
import io.loyaltyloop.lifecycle.OrderLifecycleEvent;
import io.loyaltyloop.lifecycle.OrderPaid;
import io.loyaltyloop.lifecycle.OrderPlaced;
import io.loyaltyloop.lifecycle.OrderRefunded;
import io.loyaltyloop.lifecycle.OrderSnapshot;
import io.loyaltyloop.shop.ProgramSettings;
import io.loyaltyloop.shop.Shop;
import io.loyaltyloop.shop.ShopService;
import io.loyaltyloop.tier.TierLadder;
import io.loyaltyloop.tier.TierService;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.function.Consumer;
import org.jooq.DSLContext;

/**
 * Applies one event inside the caller's transaction.
 *
 * <p>Order events only record facts (lines, payment, cancellation, refunds); the points then follow
 * from the facts ({@link #reconcile}): the order's target is what its remaining eligible amount earns
 * if it is paid and not cancelled, and the ledger gets the difference to what it has earned so far.
 * Because the target depends on the set of facts and not on the order they came in, duplicates and
 * any arrival order end in the same state.
 */
class EventApplier {

    private final Clock clock;
    private final ShopService shops;
    private final TierService tiers;
    private final Ledger ledger;
    private final ProcessedEvents processed;
    private final CustomerRepository customers;
    private final OrderRepository orders;
    private final FulfillmentRepository fulfillments;
    private final ProgramRepository program;

    EventApplier(DSLContext dsl, Clock clock) {
        this.clock = clock;
        this.shops = new ShopService(dsl);
        this.tiers = new TierService(dsl);
        this.ledger = new Ledger(dsl);
        this.processed = new ProcessedEvents(dsl);
        this.customers = new CustomerRepository(dsl);
        this.orders = new OrderRepository(dsl);
        this.fulfillments = new FulfillmentRepository(dsl);
        this.program = new ProgramRepository(dsl);
    }

    /** False when the event was applied before. */
    boolean apply(OrderLifecycleEvent event) {
        Shop shop = shops.getShop(event.shop());
        if (!processed.claim(event)) {
            return false;
        }
        switch (event) {
            case OrderPlaced e -> withOrder(shop, e.order(), e, order -> {});
            case OrderPaid e ->
                withOrder(shop, e.order(), e, order -> orders.markPaid(shop.id(), order.orderId(), e.paidAt()));
            case OrderCancelled e -> {
                Consumer<OrderState> cancel =
                        order -> orders.markCancelled(shop.id(), order.orderId(), e.cancelledAt());
                if (e.order() != null) {
                    withOrder(shop, e.order(), e, cancel);
                } else {
                    withOrder(shop, e.externalOrderId(), null, e, cancel);
                }
            }
            case OrderRefunded e ->
                withOrder(
                        shop,
                        e.externalOrderId(),
                        null,
                        e,
                        order -> orders.addRefund(
                                shop.id(), order.orderId(), e.externalRefundId(), e.refundedAt(), e.lines()));
            case FulfillmentUpdated e ->
                withOrder(
                        shop,
                        e.externalOrderId(),
                        null,
                        e,
                        order -> fulfillments.upsert(shop.id(), order.orderId(), e));
            case CustomerUpserted e -> customers.upsert(shop.id(), e.customer());
            case CustomerRedacted e -> customers.redact(shop.id(), e.externalCustomerId(), clock.instant());
        }
        return true;
    }

    private void withOrder(Shop shop, OrderSnapshot snapshot, OrderLifecycleEvent event, Consumer<OrderState> change) {
        String shopCurrency = shop.currency().getCurrencyCode();
        if (!snapshot.currency().equals(shopCurrency)) {
            // Points are earned on shop money; presentment amounts would earn at the wrong rate.
            throw new InvalidEventException("order %s is in %s but the shop's currency is %s: send shop money"
                    .formatted(snapshot.externalOrderId(), snapshot.currency(), shopCurrency));
        }
        withOrder(shop, snapshot.externalOrderId(), snapshot.customer(), event, order -> {
            boolean prior = snapshot.placedAt().isBefore(shop.installedAt());
            orders.recordSnapshot(shop.id(), order.orderId(), snapshot, prior, program.eligibility(shop.id()));
            change.accept(order);
        });
    }

    /**
     * Locks the customer's account, then the order (the fixed lock order), applies the change and
     * reconciles the order's points, and those of the customer's orders paid after it.
     */
    private void withOrder(
            Shop shop,
            String externalOrderId,
            CustomerSnapshot customer,
            OrderLifecycleEvent event,
            Consumer<OrderState> change) {
        Long customerId = customer != null
                ? Long.valueOf(customers.ensure(shop.id(), customer))
                : orders.findCustomerId(shop.id(), externalOrderId).orElse(null);
        if (customerId != null) {
            ledger.lock(shop.id(), customerId);
        }
        OrderState order = orders.lockOrCreate(shop.id(), externalOrderId);
        if (customerId != null && order.customerId() == null) {
            orders.setCustomer(shop.id(), order.orderId(), customerId);
        } else if (order.customerId() != null && !order.customerId().equals(customerId)) {
            // The order gained its customer after our unlocked read: lock that account now. Rare, and
            // PostgreSQL's deadlock detection plus the transaction retry cover the inverted lock order.
            ledger.lock(shop.id(), order.customerId());
        }
        change.accept(order);
        OrderState changed = orders.lock(shop.id(), order.orderId());
        reconcile(shop, changed, event.sourceEventId(), false);
        reconcileLaterOrders(shop, changed, event.sourceEventId());
    }

    /**
     * A paid order's facts (its payment, amounts, refunds, cancellation) count towards the tier of
     * the customer's orders paid after it. Events arrive in any order, so those orders may have fixed
     * their multiplier before this fact arrived: their tier at payment is worked out again.
     */
    private void reconcileLaterOrders(Shop shop, OrderState changed, String sourceEventId) {
        if (changed.customerId() == null || changed.paidAt() == null) {
            return;
        }
        ProgramSettings settings = shops.settings(shop.id());
        // A month more than the window: month arithmetic does not invert exactly at month ends.
        Instant until = changed.paidAt()
                .atOffset(ZoneOffset.UTC)
                .plusMonths(settings.tierWindowMonths() + 1L)
                .toInstant();
        for (long orderId :
                orders.paidBetween(shop.id(), changed.customerId(), changed.paidAt(), until, changed.orderId())) {
            reconcile(shop, orders.lock(shop.id(), orderId), sourceEventId, true);
        }
    }

    /**
     * Brings the order's points to what its current facts earn, and keeps its release on schedule.
     *
     * @param recheckTier whether facts dated before the order's payment may have arrived since its
     *     terms were fixed; the rule stays as fixed, the tier multiplier is worked out again
     */
    private void reconcile(Shop shop, OrderState order, String sourceEventId, boolean recheckTier) {
        if (order.customerId() == null) {
            return; // guests earn nothing; the points follow once the customer is known
        }
        ProgramSettings settings = shops.settings(shop.id());
        boolean earns = order.paidAt() != null
                && order.cancelledAt() == null
                && order.linesKnown()
                && (!order.priorToInstall() || settings.awardPriorOrders());
        EarningTerms terms = order.terms();
        if (earns && terms == null) {
            terms = termsAtPayment(shop, settings, order);
            orders.fixTerms(shop.id(), order.orderId(), terms);
        } else if (earns && recheckTier) {
            BigDecimal multiplier = multiplierAtPayment(shop, settings, order);
            if (multiplier.compareTo(terms.multiplier()) != 0) {
                terms = new EarningTerms(terms.pointsPerUnit(), terms.rounding(), multiplier);
                orders.fixTerms(shop.id(), order.orderId(), terms);
            }
        }
        long target = earns ? terms.pointsFor(order.remainingAmount()) : 0;
        long delta = target - order.pointsNet();
        if (delta != 0) {
            postOrderDelta(shop, settings, order, delta, sourceEventId);
            orders.setPointsNet(shop.id(), order.orderId(), target);
        }
        if (order.paidAt() != null && order.releaseDueAt() == null) {
            Instant due = order.paidAt().plus(java.time.Duration.ofDays(settings.pendingDays()));
            orders.setReleaseDue(shop.id(), order.orderId(), due);
        }
        ledger.setTier(shop.id(), order.customerId(), currentTier(shop, settings, order.customerId()));
    }

    private void postOrderDelta(
            Shop shop, ProgramSettings settings, OrderState order, long delta, String sourceEventId) {
        long customerId = order.customerId();
        EntryKind kind = delta > 0 ? EntryKind.EARN : EntryKind.REVERSE;
        Posting posting;
        if (!order.released()) {
            posting = Posting.of(customerId, kind, delta, 0);
        } else if (delta > 0 || settings.allowNegativeBalance()) {
            posting = Posting.of(customerId, kind, 0, delta);
        } else {
            // Reversal after release: take what the balance has, record the rest as shortfall.
            long available = Math.max(0, ledger.lock(shop.id(), customerId).available());
            long taken = Math.min(-delta, available);
            posting = Posting.of(customerId, kind, 0, -taken).withShortfall(-delta - taken);
        }
        if (kind == EntryKind.EARN) {
            Instant now = clock.instant();
            posting = posting.withActivity(now, ExpiryClock.of(shop, settings).expiresAt(now));
        }
        ledger.post(shop.id(), posting.forOrder(order.orderId(), sourceEventId));
    }

    /** The rule in force and the multiplier of the tier the customer's prior spend had reached. */
    private EarningTerms termsAtPayment(Shop shop, ProgramSettings settings, OrderState order) {
        return program.activeRule(shop.id(), multiplierAtPayment(shop, settings, order));
    }

    private BigDecimal multiplierAtPayment(Shop shop, ProgramSettings settings, OrderState order) {
        Instant paidAt = order.paidAt();
        Instant windowStart = paidAt.atOffset(ZoneOffset.UTC)
                .minusMonths(settings.tierWindowMonths())
                .toInstant();
        BigDecimal priorSpend = orders.spendAsOf(shop.id(), order.customerId(), windowStart, paidAt, order.orderId());
        return tiers.ladder(shop.id()).multiplierFor(priorSpend);
    }

    private Long currentTier(Shop shop, ProgramSettings settings, long customerId) {
        Instant now = clock.instant();
        Instant windowStart = now.atOffset(ZoneOffset.UTC)
                .minusMonths(settings.tierWindowMonths())
                .toInstant();
        BigDecimal spend = orders.spend(shop.id(), customerId, windowStart, now.plusSeconds(1), -1);
        TierLadder ladder = tiers.ladder(shop.id());
        return ladder.tierFor(spend).map(t -> t.id()).orElse(null);
    }
}
