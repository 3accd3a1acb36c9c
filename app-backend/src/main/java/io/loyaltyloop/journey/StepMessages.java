package io.loyaltyloop.journey;

import io.loyaltyloop.email.OutgoingEmail;
import io.loyaltyloop.journey.MessageFactsRepository.OrderSummary;
import io.loyaltyloop.journey.MessageFactsRepository.Points;
import io.loyaltyloop.journey.MessageFactsRepository.Recipient;
import io.loyaltyloop.review.ReviewInvitations;
import io.loyaltyloop.review.ReviewInvite;
import io.loyaltyloop.shop.ShopId;
import io.loyaltyloop.survey.SurveyLinks;
import io.loyaltyloop.survey.SurveyType;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Decides, when a step is due, whether its conditions still hold and what its email says. Reads
 * everything at send time: the customer may have reviewed, unsubscribed or earned since planning.
 */
class StepMessages {

    /** What to do with a due step. */
    sealed interface Decision {
        record Send(OutgoingEmail email) implements Decision {}

        record Skip(String reason) implements Decision {}

        /** Quiet hours: not before then. */
        record Later(Instant at) implements Decision {}
    }

    private final JourneyService journeys;
    private final MessageFactsRepository facts;
    private final ReviewInvitations reviews;
    private final SurveyLinks surveys;
    private final Duration maxLateness;

    /** @param maxLateness a transactional step due longer ago than this is skipped, not sent */
    StepMessages(
            JourneyService journeys,
            MessageFactsRepository facts,
            ReviewInvitations reviews,
            SurveyLinks surveys,
            Duration maxLateness) {
        this.journeys = journeys;
        this.facts = facts;
        this.reviews = reviews;
        this.surveys = surveys;
        this.maxLateness = maxLateness;
    }

    Decision decide(JourneyStep step, Instant now) {
        ShopId shop = step.shop();
        JourneyService.ShopSchedule schedule = journeys.schedule(shop);
        if (!schedule.active()) {
            return new Decision.Skip("shop uninstalled");
        }
        // The shop may have changed its quiet hours since the step was planned.
        Instant sendable = QuietHours.sendableAt(
                now, step.kind(), schedule.zone(), schedule.settings().quietHours());
        if (sendable.isAfter(now)) {
            return new Decision.Later(sendable);
        }
        // News that is days old (a backlog replayed after an outage) would mislead: "out for
        // delivery" for a parcel delivered last week. Feedback and loyalty messages age well.
        if (step.kind().category() == StepKind.Category.TRANSACTIONAL
                && step.dueAt().plus(maxLateness).isBefore(now)) {
            return new Decision.Skip("too late: due " + step.dueAt());
        }
        OrderSummary order = step.orderId() == null
                ? null
                : facts.order(shop, step.orderId()).orElse(null);
        Long customerId = order != null && order.customerId() != null ? order.customerId() : step.customerId();
        if (step.kind().audience() == StepKind.Audience.MERCHANT) {
            return merchantAlert(step, order, customerId, now);
        }
        Optional<Recipient> recipient = customerId == null ? Optional.empty() : facts.recipient(shop, customerId);
        if (recipient.isEmpty()) {
            return new Decision.Skip("customer without email");
        }
        Recipient to = recipient.get();
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("shop", vars("name", facts.shopName(shop)));
        String name = fullName(to);
        // The names below are the templates' contract with merchants: docs/emails.md, SampleVariables.
        variables.put("customer", vars("first_name", to.firstName(), "last_name", to.lastName(), "name", name));
        Points points = facts.points(shop, to.customerId()).orElse(new Points(0, null));
        Map<String, Object> pointVariables = vars("balance", points.available(), "expires_at", points.expiresAt());
        if (order != null) {
            variables.put("order", vars("name", order.name(), "placed_at", order.placedAt()));
            pointVariables.put("earned", order.points());
            pointVariables.put("pending", !order.released());
        }
        variables.put("points", pointVariables);

        String skip = addKindVariables(step, schedule, points, variables);
        if (skip != null) {
            return new Decision.Skip(skip);
        }
        return new Decision.Send(new OutgoingEmail(
                shop, step.key(), step.kind(), to.email(), name, to.customerId(), to.locale(), variables));
    }

    /** To the shop's contact address, without unsubscribe link: the merchant's own operations. */
    private Decision merchantAlert(JourneyStep step, OrderSummary order, Long customerId, Instant now) {
        ShopId shop = step.shop();
        Optional<String> address = facts.contactEmail(shop);
        if (address.isEmpty()) {
            return new Decision.Skip("no merchant address on file");
        }
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("shop", vars("name", facts.shopName(shop)));
        variables.put("order", vars("name", order == null ? null : order.name()));
        String customerName = customerId == null
                ? null
                : facts.recipient(shop, customerId).map(StepMessages::fullName).orElse(null);
        variables.put("customer", vars("name", customerName));
        facts.tracking(shop, step.orderId(), step.fulfillmentId()).ifPresent(t -> {
            variables.put("tracking", vars("company", t.company(), "number", t.number(), "url", t.url()));
            if (t.lastMovement() != null) {
                variables.put(
                        "days_without_movement",
                        Duration.between(t.lastMovement(), now).toDays());
            }
        });
        return new Decision.Send(
                new OutgoingEmail(shop, step.key(), step.kind(), address.get(), null, null, Locale.ENGLISH, variables));
    }

    private static String fullName(Recipient to) {
        return to.firstName() == null ? null : (to.firstName() + " " + Objects.toString(to.lastName(), "")).strip();
    }

    /** @return why the step is skipped, or null when it goes */
    private String addKindVariables(
            JourneyStep step, JourneyService.ShopSchedule schedule, Points points, Map<String, Object> variables) {
        ShopId shop = step.shop();
        switch (step.kind()) {
            case SHIPPED, IN_TRANSIT, OUT_FOR_DELIVERY, DELIVERED, DELIVERY_EXCEPTION, SHIPMENT_STUCK ->
                facts.tracking(shop, step.orderId(), step.fulfillmentId())
                        .ifPresent(t -> variables.put(
                                "tracking", vars("company", t.company(), "number", t.number(), "url", t.url())));
            case REVIEW_REQUEST, REVIEW_REMINDER -> {
                if (step.kind() == StepKind.REVIEW_REMINDER) {
                    if (!facts.sent(shop, step.subject(), StepKind.REVIEW_REQUEST.name())) {
                        return "review request was not sent";
                    }
                    if (reviews.anyReviewSubmitted(shop, step.orderId())) {
                        return "review submitted";
                    }
                }
                List<ReviewInvite> invites = reviews.invitesFor(shop, step.orderId());
                if (invites.isEmpty()) {
                    return "nothing left to review";
                }
                variables.put(
                        "items",
                        invites.stream()
                                .map(i -> vars("product_id", i.productId(), "title", i.title(), "review_url", i.url()))
                                .toList());
            }
            case SURVEY -> {
                SurveyType type =
                        SurveyType.valueOf(schedule.settings().surveyKind().name());
                var links = surveys.scoreLinks(shop, step.orderId(), type);
                variables.put("survey", SurveyWording.of(type, links));
            }
            case POINTS_EXPIRING, POINTS_LAST_CHANCE -> {
                // The customer was active since: the expiry this warns of no longer holds.
                if (points.available() <= 0 || !step.expiryWarnedOf().equals(points.expiresAt())) {
                    return "expiry moved or nothing left to expire";
                }
                pointVariables(variables).put("expiring", points.available());
                variables.put("account_url", facts.accountUrl(shop));
            }
            case POINTS_EARNED -> {
                // Refunded after the release: the points went back.
                if (!(pointVariables(variables).get("earned") instanceof Long earned) || earned <= 0) {
                    return "order earns no points any more";
                }
                variables.put("account_url", facts.accountUrl(shop));
            }
            case REWARD_UNLOCKED -> {
                var reward = facts.reward(shop, step.unlockedReward()).orElse(null);
                if (reward == null || !reward.active()) {
                    return "reward no longer offered";
                }
                // Redeemed or expired since: the reward is out of reach again.
                if (points.available() < reward.pointsCost()) {
                    return "balance no longer covers the reward";
                }
                variables.put("reward", vars("name", reward.name(), "points_cost", reward.pointsCost()));
                variables.put("account_url", facts.accountUrl(shop));
            }
            default -> {}
        }
        return null;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> pointVariables(Map<String, Object> variables) {
        return (Map<String, Object>) variables.get("points");
    }

    /** A template variable map; values may be null (Map.of refuses them). */
    private static Map<String, Object> vars(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
