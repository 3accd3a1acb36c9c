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
import io.loyaltyloop.shop.ShopId;
import io.loyaltyloop.tier.Tier;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.jooq.DSLContext;

/**
 * Applies events inside the caller's transaction.
 *
 * <p>Order events only record facts (lines, payment, cancellation, refunds) on the locked order;
 * the points then follow from the facts ({@link #reconcile}): the order's target is what its
 * remaining eligible amount earns if it is paid and not cancelled, and the ledger gets the
 * difference to what it has earned so far. Because the target depends on the set of facts and not
 * on the order they came in, duplicates and any arrival order end in the same state.
 *
 * <p>The order is changed in memory ({@link OrderDraft}) and written back once; the shop's program
 * is read once per transaction. Both keep the statements per event few (see bench/).
 */
class EventApplier {

    private final Clock clock;
    private final Ledger ledger;
    private final ProcessedEvents processed;
    private final CustomerRepository customers;
    private final OrderRepository orders;
    private final FulfillmentRepository fulfillments;
    private final CustomerContentErasure customerContent;
    private final ProgramRepository programs;

    EventApplier(DSLContext dsl, Clock clock) {
        this.clock = clock;
        this.ledger = new Ledger(dsl, clock);
        this.processed = new ProcessedEvents(dsl);
        this.customers = new CustomerRepository(dsl);
        this.orders = new OrderRepository(dsl);
        this.fulfillments = new FulfillmentRepository(dsl);
        this.customerContent = new CustomerContentErasure(dsl);
        this.programs = new ProgramRepository(dsl);
    }

    /**
     * False when the event was applied before.
     *
     * @param programsRead the programs this transaction has read so far, by shop
     * @param changed collects the orders whose facts the event changed, for the {@link
     *     OrderFactsListener}
     */
    boolean apply(OrderLifecycleEvent event, Map<ShopId, Program> programsRead, List<OrderChange> changed) {
        Program program = programsRead.computeIfAbsent(event.shop(), programs::load);
        // Uninstalled: the shop's data is kept until the host asks for it to be erased, but nothing
        // new is applied to it, except erasing a customer's personal data, which the host may still ask.
        if (!program.shop().active() && !(event instanceof CustomerRedacted)) {
            throw new InvalidEventException("shop " + event.shop() + " is uninstalled");
        }
        requireShopCurrency(program, event);
        if (!processed.claim(event)) {
            return false;
        }
        ShopId shop = event.shop();
        switch (event) {
            case OrderPlaced e -> onSnapshot(program, e, e.order(), changed, order -> {});
            case OrderPaid e -> onSnapshot(program, e, e.order(), changed, order -> order.markPaid(e.paidAt()));
            case OrderCancelled e -> {
                Consumer<OrderDraft> cancel = order -> order.markCancelled(e.cancelledAt());
                if (e.order() != null) {
                    onSnapshot(program, e, e.order(), changed, cancel);
                } else {
                    onOrder(program, e, e.externalOrderId(), null, changed, cancel);
                }
            }
            case OrderRefunded e ->
                onOrder(program, e, e.externalOrderId(), null, changed, order -> {
                    boolean added =
                            orders.addRefund(shop, order.orderId, e.externalRefundId(), e.refundedAt(), e.lines());
                    if (added && order.linesKnown) {
                        order.refundsChanged(orders.refundedEligibleAmount(shop, order.orderId));
                    }
                });
            // Fulfillments never move points: no account lock, no reconcile.
            case FulfillmentUpdated e -> {
                long orderId = orders.idOrCreate(shop, e.externalOrderId());
                fulfillments.upsert(shop, orderId, e);
                changed.add(new OrderChange(shop, orderId, e, null));
            }
            case CustomerUpserted e -> customers.upsert(shop, e.customer());
            case CustomerRedacted e -> {
                customers.redact(shop, e.externalCustomerId(), clock.instant());
                fulfillments.eraseTracking(shop, e.externalCustomerId(), e.externalOrderIds());
                customerContent.erase(shop, e.externalCustomerId(), e.externalOrderIds(), clock.instant());
            }
        }
        return true;
    }

    private void onSnapshot(
            Program program,
            OrderLifecycleEvent event,
            OrderSnapshot snapshot,
            List<OrderChange> changed,
            Consumer<OrderDraft> change) {
        onOrder(program, event, snapshot.externalOrderId(), snapshot.customer(), changed, order -> {
            if (!order.linesKnown) {
                // Lines come from the first snapshot that has them: later snapshots describe the
                // same purchase, and refunds are tracked separately.
                ShopId shop = program.shop().id();
                order.name = snapshot.name();
                order.currency = snapshot.currency();
                order.placedAt = snapshot.placedAt();
                order.priorToInstall =
                        snapshot.placedAt().isBefore(program.shop().installedAt());
                order.linesArrived(orders.insertLines(shop, order.orderId, snapshot.lines(), program::eligible));
                if (!order.created) {
                    // A refund may have come first; now its lines can be judged.
                    order.refundsChanged(orders.refundedEligibleAmount(shop, order.orderId));
                }
            }
            change.accept(order);
        });
    }

    /**
     * Points are earned on shop money; presentment amounts would earn at the wrong rate. Checked
     * before the event is claimed, so a rejected event leaves no trace.
     */
    private static void requireShopCurrency(Program program, OrderLifecycleEvent event) {
        OrderSnapshot snapshot = switch (event) {
            case OrderPlaced e -> e.order();
            case OrderPaid e -> e.order();
            case OrderCancelled e -> e.order();
            default -> null;
        };
        String shopCurrency = program.shop().currency().getCurrencyCode();
        if (snapshot != null && !snapshot.currency().equals(shopCurrency)) {
            throw new InvalidEventException("order %s is in %s but the shop's currency is %s: send shop money"
                    .formatted(snapshot.externalOrderId(), snapshot.currency(), shopCurrency));
        }
    }

    /**
     * Locks the customer's account, then the order (the fixed lock order), applies the change and
     * reconciles the order's points.
     */
    private void onOrder(
            Program program,
            OrderLifecycleEvent event,
            String externalOrderId,
            CustomerSnapshot customer,
            List<OrderChange> changed,
            Consumer<OrderDraft> change) {
        ShopId shop = program.shop().id();
        Long customerId = customer != null
                ? Long.valueOf(customers.ensure(shop, customer))
                : orders.findCustomerId(shop, externalOrderId).orElse(null);
        if (customerId != null) {
            ledger.lock(shop, customerId);
        }
        OrderDraft order = orders.lockOrCreate(shop, externalOrderId);
        if (customerId != null && order.customerId == null) {
            order.assignCustomer(customerId);
        } else if (order.customerId != null && !order.customerId.equals(customerId)) {
            // The order gained its customer after our unlocked read: lock that account now. Rare, and
            // PostgreSQL's deadlock detection plus the transaction retry cover the inverted lock order.
            ledger.lock(shop, order.customerId);
        }
        change.accept(order);
        reconcile(program, order, event.sourceEventId(), false);
        changed.add(new OrderChange(shop, order.orderId, null, order.state()));
    }

    /**
     * Brings the order's points to what its facts earn, keeps its release on schedule, writes it
     * back, and — when its facts changed the customer's spend — refreshes the customer's tier and
     * re-checks the orders paid after it, whose tier at payment those facts may change.
     *
     * @param recheckTier whether facts dated before the order's payment may have arrived since its
     *     terms were fixed; the rule stays as fixed, the tier multiplier is worked out again
     */
    private void reconcile(Program program, OrderDraft order, String sourceEventId, boolean recheckTier) {
        ShopId shop = program.shop().id();
        if (order.customerId == null) {
            orders.save(shop, order); // guests earn nothing; the points follow once the customer is known
            return;
        }
        boolean earns = order.paidAt != null
                && order.cancelledAt == null
                && order.linesKnown
                && (!order.priorToInstall || program.settings().awardPriorOrders());
        if (earns && order.terms == null) {
            order.terms = program.termsWith(multiplierAtPayment(program, order));
        } else if (earns && recheckTier) {
            BigDecimal multiplier = multiplierAtPayment(program, order);
            if (multiplier.compareTo(order.terms.multiplier()) != 0) {
                order.terms = order.terms.withMultiplier(multiplier);
            }
        }
        long target = earns ? order.terms.pointsFor(order.remainingAmount()) : 0;
        long delta = target - order.pointsNet;
        if (order.paidAt != null && order.releaseDueAt == null) {
            order.releaseDueAt =
                    order.paidAt.plus(Duration.ofDays(program.settings().pendingDays()));
        }

        OrderRepository.CustomerSpend spend = order.spendChanged() ? customerSpend(program, order) : null;
        Long tierId = spend == null ? null : currentTier(program, order, spend);
        if (delta != 0) {
            Posting posting = orderPosting(program, order, delta).forOrder(order.orderId, sourceEventId);
            if (spend != null) {
                ledger.post(shop, posting, tierId);
            } else {
                ledger.post(shop, posting);
            }
            order.pointsNet = target;
        } else if (spend != null) {
            ledger.setTier(shop, order.customerId, tierId);
        }
        orders.save(shop, order);

        if (spend != null && !recheckTier) {
            for (long laterOrderId : spend.laterOrderIds()) {
                reconcile(program, orders.lock(shop, laterOrderId), sourceEventId, true);
            }
        }
    }

    private Posting orderPosting(Program program, OrderDraft order, long delta) {
        long customerId = order.customerId;
        EntryKind kind = delta > 0 ? EntryKind.EARN : EntryKind.REVERSE;
        Posting posting;
        if (!order.released()) {
            posting = Posting.of(customerId, kind, delta, 0);
        } else if (delta > 0 || program.settings().allowNegativeBalance()) {
            posting = Posting.of(customerId, kind, 0, delta);
        } else {
            // Reversal after release: take what the balance has, record the rest as shortfall.
            long available =
                    Math.max(0, ledger.lock(program.shop().id(), customerId).available());
            long taken = Math.min(-delta, available);
            posting = Posting.of(customerId, kind, 0, -taken).withShortfall(-delta - taken);
        }
        if (kind == EntryKind.EARN) {
            Instant now = clock.instant();
            posting = posting.withActivity(now, program.expiry().expiresAt(now));
        }
        return posting;
    }

    /** The multiplier of the tier the customer's spend had reached when the order was paid. */
    private BigDecimal multiplierAtPayment(Program program, OrderDraft order) {
        Instant windowStart = monthsBefore(order.paidAt, program.settings().tierWindowMonths());
        BigDecimal priorSpend =
                orders.spendAsOf(program.shop().id(), order.customerId, windowStart, order.paidAt, order.orderId);
        return program.ladder().multiplierFor(priorSpend);
    }

    private OrderRepository.CustomerSpend customerSpend(Program program, OrderDraft order) {
        int window = program.settings().tierWindowMonths();
        Instant now = clock.instant();
        // A month more than the window: month arithmetic does not invert exactly at month ends.
        Instant laterUntil = order.paidAt == null
                ? null
                : order.paidAt.atOffset(ZoneOffset.UTC).plusMonths(window + 1L).toInstant();
        return orders.customerSpend(
                program.shop().id(),
                order.customerId,
                order.orderId,
                monthsBefore(now, window),
                now,
                order.paidAt,
                laterUntil);
    }

    /** The tier the customer's spend over the window up to now reaches, this order included. */
    private Long currentTier(Program program, OrderDraft order, OrderRepository.CustomerSpend spend) {
        Instant now = clock.instant();
        Instant windowStart = monthsBefore(now, program.settings().tierWindowMonths());
        boolean inWindow = order.paidAt != null && !order.paidAt.isBefore(windowStart) && !order.paidAt.isAfter(now);
        BigDecimal total = inWindow ? spend.inWindow().add(order.spend()) : spend.inWindow();
        return program.ladder().tierFor(total).map(Tier::id).orElse(null);
    }

    private static Instant monthsBefore(Instant instant, int months) {
        return instant.atOffset(ZoneOffset.UTC).minusMonths(months).toInstant();
    }
}
