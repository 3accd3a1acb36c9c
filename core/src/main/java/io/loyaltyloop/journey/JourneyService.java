package io.loyaltyloop.journey;

import io.loyaltyloop.audit.AuditLog;
import io.loyaltyloop.shop.ShopId;
import io.loyaltyloop.system.Transactions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;

/**
 * The journey's facade: the timeline of an order's messages, the due steps for the dispatcher, the
 * watches that plan steps no event announces (stuck shipments, expiring points), cancellation, and
 * the shop's settings.
 *
 * <p>Invariants: a step exists once per (shop, subject, kind); only a PLANNED step changes; a step
 * is leased to one dispatcher at a time and finished under its row lock, so it is sent at most once.
 */
public class JourneyService {

    /** How long a dispatcher holds the steps it leased before another instance may take them. */
    static final Duration LEASE = Duration.ofMinutes(5);

    private final Clock clock;
    private final Transactions transactions;
    private final JourneyRepository steps;
    private final WatchRepository watches;
    private final JourneySettings defaults;
    private final AuditLog audit;

    public JourneyService(DSLContext dsl, Clock clock, JourneySettings defaults) {
        this.clock = clock;
        this.audit = new AuditLog(dsl);
        this.transactions = new Transactions(dsl);
        this.steps = new JourneyRepository(dsl);
        this.watches = new WatchRepository(dsl);
        this.defaults = defaults;
    }

    /** The order's sent and planned (and skipped, cancelled) messages, in time order. */
    public List<JourneyStep> timeline(ShopId shop, long orderId) {
        return steps.orderSteps(shop, orderId);
    }

    /**
     * The timelines of several orders at once (a customer's orders page), by order id; an order
     * without steps has no entry.
     */
    public Map<Long, List<JourneyStep>> timelines(ShopId shop, Collection<Long> orderIds) {
        return orderIds.isEmpty() ? Map.of() : steps.orderSteps(shop, orderIds);
    }

    /** The customer's messages not about one order (points expiring), in time order. */
    public List<JourneyStep> customerTimeline(ShopId shop, long customerId) {
        return steps.customerSteps(shop, customerId);
    }

    /** Leases up to {@code limit} steps due at {@code now}, of any shop; see {@link #LEASE}. */
    public List<JourneyStep> leaseDue(Instant now, int limit) {
        return transactions.inTransaction(() -> steps.lease(now, Math.clamp(limit, 1, 1000), now.plus(LEASE)));
    }

    /**
     * The step locked for the caller's transaction while it is still planned; empty once another
     * dispatcher finished it. Call inside a transaction, then {@link #markSent} or {@link #markSkipped}.
     */
    public Optional<JourneyStep> lockPlanned(ShopId shop, long stepId) {
        return steps.lockPlanned(shop, stepId);
    }

    /** @return false when the step was no longer planned */
    public boolean markSent(ShopId shop, long stepId) {
        return steps.finish(shop, stepId, StepStatus.SENT, null, clock.instant());
    }

    /** @return false when the step was no longer planned */
    public boolean markSkipped(ShopId shop, long stepId, String reason) {
        return steps.finish(shop, stepId, StepStatus.SKIPPED, reason, null);
    }

    /** Moves a planned step (quiet hours at send time) and releases its lease. */
    public boolean reschedule(ShopId shop, long stepId, Instant dueAt) {
        return steps.reschedule(shop, stepId, dueAt);
    }

    /** Cancels every planned step to the customer (who unsubscribed, or was redacted). */
    public int cancelForCustomer(ShopId shop, long customerId, String reason) {
        return transactions.inTransaction(() -> steps.cancelForCustomer(shop, customerId, reason));
    }

    /** Cancels every planned step of the shop (uninstalled). */
    public int cancelForShop(ShopId shop, String reason) {
        return transactions.inTransaction(() -> steps.cancelForShop(shop, reason));
    }

    /** The shop's settings: its saved values, else the deployment's defaults. */
    public JourneySettings settings(ShopId shop) {
        return steps.shopJourney(shop, defaults).settings();
    }

    /** The shop's zone and settings, for the dispatcher's quiet hours check. */
    public ShopSchedule schedule(ShopId shop) {
        JourneyRepository.ShopJourney journey = steps.shopJourney(shop, defaults);
        return new ShopSchedule(journey.zone(), journey.active(), journey.settings());
    }

    /** A shop's timezone, whether it is installed, and its settings. */
    public record ShopSchedule(ZoneId zone, boolean active, JourneySettings settings) {}

    /** The deployment's defaults, which a shop without saved settings gets. */
    public JourneySettings defaults() {
        return defaults;
    }

    /** Whether the shop saved settings of its own (else the deployment's defaults apply). */
    public boolean hasOwnSettings(ShopId shop) {
        return steps.hasSavedSettings(shop);
    }

    /**
     * Saves all of the shop's settings (validated by {@link JourneySettings}'s constructor), audited
     * as {@code program.journey.update} with the old and new values in the same transaction. Planned
     * steps keep their due times; the dispatcher applies the quiet hours in force when they are due.
     */
    public void updateSettings(ShopId shop, JourneySettings settings, String actor) {
        transactions.run(() -> {
            JourneySettings before = settings(shop);
            steps.saveSettings(shop, settings);
            audit.record(shop, actor, "program.journey.update", "journey_settings", changes(before, settings));
        });
    }

    /**
     * Forgets the shop's saved settings, so the deployment's defaults apply again; audited as {@code
     * program.journey.reset}.
     */
    public void resetSettings(ShopId shop, String actor) {
        transactions.run(() -> {
            JourneySettings before = settings(shop);
            steps.resetSettings(shop);
            audit.record(shop, actor, "program.journey.reset", "journey_settings", changes(before, defaults));
        });
    }

    private static Map<String, Object> changes(JourneySettings before, JourneySettings after) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("old", before);
        details.put("new", after);
        return details;
    }

    /**
     * Plans SHIPMENT_STUCK (to the customer) and SHIPMENT_STUCK_ALERT (to the merchant), once per
     * fulfillment, for tracked shipments without movement for the shop's threshold. Returns how many
     * fulfillments it found stuck.
     */
    public int planStuckShipments(int limit) {
        Instant now = clock.instant();
        return transactions.inTransaction(() -> {
            var stuck = watches.stuckShipments(now, defaults.stuckAfter().toSeconds(), limit);
            for (WatchRepository.StuckShipment s : stuck) {
                String subject = PlannedStep.fulfillmentSubject(s.orderId(), s.fulfillmentId());
                steps.upsertSteps(
                        s.shop(),
                        List.of(
                                stuckStep(subject, StepKind.SHIPMENT_STUCK, s, now),
                                stuckStep(subject, StepKind.SHIPMENT_STUCK_ALERT, s, now)));
            }
            return stuck.size();
        });
    }

    private static PlannedStep stuckStep(String subject, StepKind kind, WatchRepository.StuckShipment s, Instant now) {
        return new PlannedStep(
                subject, kind, s.orderId(), s.fulfillmentId(), s.customerId(), now, StepStatus.PLANNED, null);
    }

    /**
     * Plans POINTS_EXPIRING and POINTS_LAST_CHANCE for customers whose available points expire within
     * the shop's warning periods (from the loyalty engine's expiry date, {@code
     * points_account.expires_at}). Both are keyed by the expiry date: new activity moves the date,
     * and the dispatcher skips a warning whose date no longer holds. A first warning found only when
     * the last chance is already due is skipped, so the customer gets one message. Returns how many
     * steps it planned.
     */
    public int planExpiryWarnings(int limit) {
        Instant now = clock.instant();
        return transactions.inTransaction(() -> {
            int planned = 0;
            for (WatchRepository.ExpiringBalance b : watches.expiringBalances(
                    now,
                    defaults.expiryWarning().toSeconds(),
                    defaults.lastChance().toSeconds(),
                    limit)) {
                JourneyRepository.ShopJourney shop = steps.shopJourney(b.shop(), defaults);
                List<PlannedStep> warnings = ExpiryWarnings.due(b, now, shop.settings(), shop.zone());
                if (!warnings.isEmpty()) {
                    steps.upsertSteps(b.shop(), warnings);
                    planned += warnings.size();
                }
            }
            return planned;
        });
    }
}
