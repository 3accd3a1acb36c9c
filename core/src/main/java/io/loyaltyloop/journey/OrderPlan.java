package io.loyaltyloop.journey;

import io.loyaltyloop.journey.OrderFacts.MilestoneSeen;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The steps an order's facts call for — a pure function of the set of facts, so duplicates and any
 * arrival order of the events end in the same plan (as the points do, see ADR 002).
 *
 * <ul>
 *   <li>paid → ORDER_CONFIRMED at payment;
 *   <li>each fulfillment milestone → its tracking step at the time it was first seen; a milestone
 *       ranked below the fulfillment's highest is stale (SKIPPED); a cancelled fulfillment's steps
 *       are CANCELLED;
 *   <li>the first delivery (else the first fulfillment) → REVIEW_REQUEST, REVIEW_REMINDER and
 *       SURVEY at the shop's delays, moved out of quiet hours;
 *   <li>a cancelled or fully refunded order, or one placed before the app was installed → every
 *       step CANCELLED with the reason;
 *   <li>an order without a customer yet → nothing (see {@link #target}).
 * </ul>
 */
final class OrderPlan {

    private OrderPlan() {}

    static List<PlannedStep> target(OrderFacts order, JourneySettings settings, ZoneId zone) {
        if (order.customerId() == null) {
            // Known only from a fulfillment or refund that arrived before the order itself: the
            // order's own event brings the customer and plans again from all the facts. Planned now,
            // a step would be due at once with no recipient, a dispatcher would skip it ("customer
            // without email"), and the later plan could no longer revive it — a lost shipping email
            // (found by the three-instance reliability test). Guests never get steps either way.
            return List.of();
        }
        List<PlannedStep> steps = new ArrayList<>();
        long orderId = order.orderId();
        String orderSubject = PlannedStep.orderSubject(orderId);
        if (order.paidAt() != null) {
            steps.add(step(order, orderSubject, StepKind.ORDER_CONFIRMED, null, order.paidAt()));
        }

        Map<String, List<MilestoneSeen>> byFulfillment = new TreeMap<>();
        for (MilestoneSeen seen : order.milestones()) {
            byFulfillment
                    .computeIfAbsent(seen.fulfillmentId(), f -> new ArrayList<>())
                    .add(seen);
        }
        Instant liveDelivered = null;
        Instant liveFulfilled = null;
        Instant anyFulfilled = null;
        for (var entry : byFulfillment.entrySet()) {
            String fulfillmentId = entry.getKey();
            List<MilestoneSeen> seen = entry.getValue();
            boolean cancelled = seen.stream().anyMatch(s -> s.milestone() == Milestone.CANCELLED);
            Milestone highest = seen.stream()
                    .map(MilestoneSeen::milestone)
                    .max(Comparator.comparingInt(m -> m.rank))
                    .orElseThrow();
            for (MilestoneSeen s : seen) {
                if (s.milestone() == Milestone.CANCELLED) {
                    continue;
                }
                PlannedStep step = step(
                        order,
                        PlannedStep.fulfillmentSubject(orderId, fulfillmentId),
                        s.milestone().kind,
                        fulfillmentId,
                        s.seenAt());
                if (cancelled) {
                    step = step.withStatus(StepStatus.CANCELLED, "fulfillment cancelled");
                } else if (s.milestone().rank < highest.rank) {
                    step = step.withStatus(StepStatus.SKIPPED, "stale: already " + highest.kind);
                }
                steps.add(step);
                anyFulfilled = earliest(anyFulfilled, s.seenAt());
                if (!cancelled) {
                    liveFulfilled = earliest(liveFulfilled, s.seenAt());
                    if (s.milestone() == Milestone.DELIVERED) {
                        liveDelivered = earliest(liveDelivered, s.seenAt());
                    }
                }
            }
        }

        if (anyFulfilled != null) {
            Instant from = liveFulfilled != null ? liveFulfilled : anyFulfilled;
            Instant request = liveDelivered != null
                    ? liveDelivered.plus(settings.reviewDelay())
                    : from.plus(settings.reviewFallbackDelay());
            Instant survey = liveDelivered != null
                    ? liveDelivered.plus(settings.surveyDelay())
                    : from.plus(settings.surveyFallbackDelay());
            List<PlannedStep> feedback = List.of(
                    feedback(order, orderSubject, StepKind.REVIEW_REQUEST, request, settings, zone),
                    feedback(
                            order,
                            orderSubject,
                            StepKind.REVIEW_REMINDER,
                            request.plus(settings.reminderDelay()),
                            settings,
                            zone),
                    feedback(order, orderSubject, StepKind.SURVEY, survey, settings, zone));
            for (PlannedStep step : feedback) {
                steps.add(
                        liveFulfilled == null ? step.withStatus(StepStatus.CANCELLED, "fulfillment cancelled") : step);
            }
        }

        String cancelReason = order.cancelled()
                ? "order cancelled"
                : order.fullyRefunded()
                        ? "order refunded in full"
                        // Imported history: its customers must not get mail about old orders.
                        : order.priorToInstall() ? "placed before the app was installed" : null;
        if (cancelReason != null) {
            steps.replaceAll(
                    s -> s.status() == StepStatus.PLANNED ? s.withStatus(StepStatus.CANCELLED, cancelReason) : s);
        }
        return steps;
    }

    private static PlannedStep feedback(
            OrderFacts order, String subject, StepKind kind, Instant due, JourneySettings settings, ZoneId zone) {
        return step(order, subject, kind, null, QuietHours.sendableAt(due, kind, zone, settings.quietHours()));
    }

    private static PlannedStep step(
            OrderFacts order, String subject, StepKind kind, String fulfillmentId, Instant due) {
        return new PlannedStep(
                subject, kind, order.orderId(), fulfillmentId, order.customerId(), due, StepStatus.PLANNED, null);
    }

    private static Instant earliest(Instant a, Instant b) {
        return a == null || b.isBefore(a) ? b : a;
    }
}
