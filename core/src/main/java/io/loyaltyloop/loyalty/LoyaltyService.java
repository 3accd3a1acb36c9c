package io.loyaltyloop.loyalty;

import io.loyaltyloop.audit.AuditLog;
import io.loyaltyloop.lifecycle.CustomerRedacted;
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
import io.loyaltyloop.shop.ShopId;
import io.loyaltyloop.shop.ShopNotFoundException;
import io.loyaltyloop.shop.ShopService;
import io.loyaltyloop.system.Transactions;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;

/**
 * The loyalty engine's facade: applies order-lifecycle events, moves points on schedule (release
 * after the return window, expiry after inactivity), takes manual adjustments, and reads balances.
 *
 * <p>Invariants: every balance equals the sum of its ledger entries; an event applied twice changes
 * nothing; the available balance never goes below zero unless the shop allows it.
 */
public class LoyaltyService {

    private final Clock clock;
    private final Transactions transactions;
    private final EventApplier applier;
    private final ShopService shops;
    private final Ledger ledger;
    private final CustomerRepository customers;
    private final OrderRepository orders;
    private final AuditLog audit;
    private final OrderFactsListener listener;

    public LoyaltyService(DSLContext dsl, Clock clock) {
        this(dsl, clock, OrderFactsListener.NONE);
    }

    /** @param listener told of changed orders in the same transaction as the events (journeys) */
    public LoyaltyService(DSLContext dsl, Clock clock, OrderFactsListener listener) {
        this.clock = clock;
        this.listener = listener;
        this.transactions = new Transactions(dsl);
        this.applier = new EventApplier(dsl, clock);
        this.shops = new ShopService(dsl);
        this.ledger = new Ledger(dsl, clock);
        this.customers = new CustomerRepository(dsl);
        this.orders = new OrderRepository(dsl);
        this.audit = new AuditLog(dsl);
    }

    /** Applies the event in its own transaction, exactly once however often it is delivered. */
    public ApplyOutcome apply(OrderLifecycleEvent event) {
        return transactions.inTransaction(() -> {
            List<OrderChange> changed = new ArrayList<>(1);
            boolean applied = applier.apply(event, new HashMap<>(), changed);
            tell(changed);
            return applied ? ApplyOutcome.APPLIED : ApplyOutcome.DUPLICATE;
        });
    }

    /**
     * Applies a batch of events in one transaction: one commit and one read of each shop's program
     * for all of them, which is how a backlog drains fast. The events are applied in an order that
     * takes customers' locks consistently (the result does not depend on the order). If the batch
     * fails, each event is applied in its own transaction instead, so one bad event cannot hold back
     * the others: it comes back REJECTED with the reason.
     *
     * @return one result per event, in the order given
     * @throws RuntimeException when the database fails (nothing of the batch is then applied)
     */
    public List<ApplyResult> applyAll(List<? extends OrderLifecycleEvent> events) {
        List<Integer> lockOrder = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            lockOrder.add(i);
        }
        lockOrder.sort(Comparator.comparing((Integer i) -> events.get(i).shop().value())
                .thenComparing(i -> lockKey(events.get(i))));
        try {
            return transactions.inTransaction(() -> {
                Map<ShopId, Program> programs = new HashMap<>();
                List<OrderChange> changed = new ArrayList<>(events.size());
                ApplyResult[] results = new ApplyResult[events.size()];
                for (int i : lockOrder) {
                    results[i] = applier.apply(events.get(i), programs, changed)
                            ? ApplyResult.APPLIED
                            : ApplyResult.DUPLICATE;
                }
                tell(changed);
                return List.of(results);
            });
        } catch (InvalidEventException | ShopNotFoundException e) {
            return events.stream().map(this::applyAlone).toList();
        }
    }

    /** Once per transaction, so the listener can do its work for a whole batch in few statements. */
    private void tell(List<OrderChange> changed) {
        if (!changed.isEmpty()) {
            listener.ordersChanged(changed);
        }
    }

    private ApplyResult applyAlone(OrderLifecycleEvent event) {
        try {
            return apply(event) == ApplyOutcome.APPLIED ? ApplyResult.APPLIED : ApplyResult.DUPLICATE;
        } catch (InvalidEventException | ShopNotFoundException e) {
            return ApplyResult.rejected(e);
        }
    }

    /** Events of one customer sort together; a customer-less event sorts by its order. */
    private static String lockKey(OrderLifecycleEvent event) {
        return switch (event) {
            case OrderPlaced e -> customerKey(e.order());
            case OrderPaid e -> customerKey(e.order());
            case OrderCancelled e -> e.order() == null ? "o:" + e.externalOrderId() : customerKey(e.order());
            case OrderRefunded e -> "o:" + e.externalOrderId();
            case FulfillmentUpdated e -> "o:" + e.externalOrderId();
            case CustomerUpserted e -> "c:" + e.customer().externalId();
            case CustomerRedacted e -> "c:" + e.externalCustomerId();
        };
    }

    private static String customerKey(OrderSnapshot order) {
        return order.customer() == null
                ? "o:" + order.externalOrderId()
                : "c:" + order.customer().externalId();
    }

    /** The engine's id for a host customer; for the other facades of the engine. */
    public long customerId(ShopId shop, String externalCustomerId) {
        return customers
                .find(shop, externalCustomerId)
                .orElseThrow(() -> new CustomerNotFoundException(shop, externalCustomerId));
    }

    public Optional<Balance> balance(ShopId shop, String externalCustomerId) {
        return customers.find(shop, externalCustomerId).flatMap(id -> ledger.balance(shop, id));
    }

    /**
     * The customer's first name, balance and tier spend, for the storefront; empty when the shop has
     * never seen the customer. The spend is the one {@link EventApplier} prices an order paid now
     * with, so the tier shown is the multiplier the next order earns at.
     */
    public Optional<Standing> standing(ShopId shop, String externalCustomerId, int tierWindowMonths) {
        return customers.findWithName(shop, externalCustomerId).map(customer -> {
            long customerId = customer.value1();
            Balance balance = ledger.balance(shop, customerId).orElse(new Balance(0, 0, 0, 0, null, null));
            Instant now = clock.instant();
            Instant windowStart = TierSpend.windowStart(now, tierWindowMonths);
            BigDecimal spend = orders.spendAsOf(shop, customerId, windowStart, now, 0);
            return new Standing(customerId, customer.value2(), balance, spend);
        });
    }

    /** The customer's ledger, newest first. */
    public List<LedgerEntry> ledger(ShopId shop, String externalCustomerId, int limit) {
        long customerId = customers
                .find(shop, externalCustomerId)
                .orElseThrow(() -> new CustomerNotFoundException(shop, externalCustomerId));
        return ledger.entries(shop, customerId, null, Math.clamp(limit, 1, 1000));
    }

    /**
     * A page of the ledger by the engine's customer id: up to {@code limit} entries older than
     * {@code beforeEntryId} (from the newest when null), newest first.
     */
    public List<LedgerEntry> ledgerPage(ShopId shop, long customerId, Long beforeEntryId, int limit) {
        return ledger.entries(shop, customerId, beforeEntryId, Math.clamp(limit, 1, 1000));
    }

    /**
     * Credits or debits available points by hand. A debit larger than the available balance is
     * refused unless the shop allows negative balances. Audited.
     */
    public Balance adjust(ManualAdjustment adjustment) {
        ShopId shop = adjustment.shop();
        return transactions.inTransaction(() -> {
            long customerId = customers
                    .find(shop, adjustment.externalCustomerId())
                    .orElseThrow(() -> new CustomerNotFoundException(shop, adjustment.externalCustomerId()));
            Account account = ledger.lock(shop, customerId);
            ProgramSettings settings = shops.settings(shop);
            if (adjustment.points() < 0
                    && !settings.allowNegativeBalance()
                    && account.available() + adjustment.points() < 0) {
                throw new InsufficientPointsException(account.available(), -adjustment.points());
            }
            Posting posting = Posting.of(customerId, EntryKind.ADJUST, 0, adjustment.points())
                    .withReason(adjustment.reason(), adjustment.actor());
            Instant now = clock.instant();
            if (adjustment.points() > 0) {
                posting = posting.withActivity(
                        now, ExpiryClock.of(shops.getShop(shop), settings).expiresAt(now));
            }
            long entryId = ledger.post(shop, posting);
            if (adjustment.points() > 0) {
                listener.availablePointsRose(
                        shop, customerId, account.available(), account.available() + adjustment.points(), entryId, now);
            }
            audit.record(
                    shop,
                    adjustment.actor(),
                    "points.adjusted",
                    "customer:" + adjustment.externalCustomerId(),
                    Map.of("points", adjustment.points(), "reason", adjustment.reason(), "entry", entryId));
            return ledger.balance(shop, customerId).orElseThrow();
        });
    }

    /**
     * Locks the customer's balance row until the surrounding transaction ends (creating it if
     * needed). For another feature whose own decision about points must not race the ledger, e.g.
     * the review incentive's monthly cap: take this lock first, then the feature's rows.
     */
    public void lockCustomer(ShopId shop, long customerId) {
        transactions.run(() -> ledger.lock(shop, customerId));
    }

    /**
     * Credits points for the customer's published review as one {@code REVIEW} entry, available at
     * once (nothing about a review can be returned), counting as activity for expiry. Joins the
     * caller's transaction; making sure a review is credited once is the caller's business.
     *
     * @param reference names the review in the entry, e.g. {@code review:42}
     * @return the ledger entry's id
     */
    public long creditReview(ShopId shop, long customerId, long points, String reference) {
        if (points <= 0) {
            throw new IllegalArgumentException("a review credit must be positive, was " + points);
        }
        return transactions.inTransaction(() -> {
            Account account = ledger.lock(shop, customerId);
            Instant now = clock.instant();
            Posting posting = Posting.of(customerId, EntryKind.REVIEW, 0, points)
                    .withReason(reference, "system")
                    .withActivity(
                            now,
                            ExpiryClock.of(shops.getShop(shop), shops.settings(shop))
                                    .expiresAt(now));
            long entryId = ledger.post(shop, posting);
            listener.availablePointsRose(
                    shop, customerId, account.available(), account.available() + points, entryId, now);
            return entryId;
        });
    }

    /**
     * Makes available the points of orders whose return window has closed. Safe to run on several
     * instances at once: each order is re-checked under its lock. Returns how many orders it released.
     */
    public int releaseDuePoints(int limit) {
        Instant now = clock.instant();
        int released = 0;
        for (OrderRepository.DueOrder due : orders.dueForRelease(now, limit)) {
            if (transactions.inTransaction(() -> release(due, now))) {
                released++;
            }
        }
        return released;
    }

    private boolean release(OrderRepository.DueOrder due, Instant now) {
        Account account = due.customerId() == null ? null : ledger.lock(due.shop(), due.customerId());
        OrderDraft order = orders.lock(due.shop(), due.orderId());
        if (order.released() || order.releaseDueAt == null || order.releaseDueAt.isAfter(now)) {
            return false;
        }
        if (order.pointsNet > 0 && order.customerId != null) {
            if (account == null || account.customerId() != order.customerId) {
                account = ledger.lock(due.shop(), order.customerId); // the order changed hands since
            }
            long entryId = ledger.post(
                    due.shop(),
                    Posting.of(order.customerId, EntryKind.RELEASE, -order.pointsNet, order.pointsNet)
                            .forOrder(order.orderId, null));
            listener.pointsReleased(due.shop(), order.orderId, order.customerId, order.pointsNet, now);
            listener.availablePointsRose(
                    due.shop(),
                    order.customerId,
                    account.available(),
                    account.available() + order.pointsNet,
                    entryId,
                    now);
        }
        orders.markReleased(due.shop(), order.orderId, now);
        return true;
    }

    /**
     * Moves every customer to the tier their spend over the shop's rolling window reaches today:
     * spend leaves the window as time passes, so tiers can drop without any new event. One
     * statement per shop, each in its own transaction. Returns how many customers changed tier.
     */
    public int refreshTiers() {
        int changed = 0;
        for (ShopId shop : shops.shopIds()) {
            changed += refreshTiers(shop);
        }
        return changed;
    }

    /**
     * The same for one shop, in the caller's transaction if there is one: after the shop's ladder
     * changed (the admin's tier edits), so customers follow it at once. Returns how many changed.
     */
    public int refreshTiers(ShopId shop) {
        Instant now = clock.instant();
        int months = shops.settings(shop).tierWindowMonths();
        Instant windowStart =
                now.atOffset(java.time.ZoneOffset.UTC).minusMonths(months).toInstant();
        return transactions.inTransaction(() -> ledger.refreshTiers(shop, windowStart, now));
    }

    /** Expires the available points of accounts inactive past their expiry. Returns how many. */
    public int expireInactivePoints(int limit) {
        Instant now = clock.instant();
        int expired = 0;
        for (Ledger.AccountKey key : ledger.dueForExpiry(now, limit)) {
            ShopId shop = key.shop();
            long customerId = key.customerId();
            boolean done = transactions.inTransaction(() -> {
                Account account = ledger.lock(shop, customerId);
                Optional<Balance> balance = ledger.balance(shop, customerId);
                boolean stillDue = balance.map(Balance::expiresAt)
                        .map(at -> !at.isAfter(now))
                        .orElse(false);
                // The shop may have turned expiry off after this date was set.
                if (!stillDue
                        || account.available() <= 0
                        || !shops.settings(shop).expiryEnabled()) {
                    return false;
                }
                ledger.post(
                        shop,
                        Posting.of(customerId, EntryKind.EXPIRE, 0, -account.available())
                                .withReason(
                                        "inactive since before " + balance.get().expiresAt(), "system"));
                return true;
            });
            if (done) {
                expired++;
            }
        }
        return expired;
    }
}
