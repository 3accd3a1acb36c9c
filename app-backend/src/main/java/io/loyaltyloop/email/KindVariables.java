package io.loyaltyloop.email;

import io.loyaltyloop.journey.StepKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which variables the emails of each kind are given (the table in {@code docs/emails.md}), with the
 * sample value the preview uses ({@link SampleVariables}). {@code items[].title} names a field of
 * each element of the list {@code items}, used inside {@code {% for item in items %}}.
 */
final class KindVariables {

    private static final List<String> SHOP = List.of("shop.name", "shop.currency", "shop.timezone", "locale");
    private static final List<String> TRACKING =
            List.of("order.name", "tracking.company", "tracking.number", "tracking.url");

    private KindVariables() {}

    /** Variable name → sample value as text, in the order a merchant reads them. */
    static Map<String, String> of(StepKind kind) {
        List<String> names = new ArrayList<>(SHOP);
        if (kind.audience() == StepKind.Audience.CUSTOMER) {
            names.add("unsubscribe_url");
            names.add("customer.first_name");
        }
        names.addAll(
                switch (kind) {
                    case ORDER_CONFIRMED ->
                        List.of("order.name", "order.placed_at", "order.total", "points.earned", "points.pending");
                    case SHIPPED, IN_TRANSIT, OUT_FOR_DELIVERY, DELIVERED, DELIVERY_EXCEPTION, SHIPMENT_STUCK ->
                        TRACKING;
                    case SHIPMENT_STUCK_ALERT -> {
                        List<String> alert = new ArrayList<>(List.of("customer.name", "days_without_movement"));
                        alert.addAll(TRACKING);
                        yield alert;
                    }
                    case REVIEW_REQUEST, REVIEW_REMINDER ->
                        List.of("order.name", "items[].title", "items[].review_url", "points.per_review");
                    case SURVEY ->
                        List.of(
                                "survey.question",
                                "survey.low_label",
                                "survey.high_label",
                                "survey.choices[].score",
                                "survey.choices[].label",
                                "survey.choices[].url");
                    case POINTS_EARNED -> List.of("points.earned", "points.balance", "order.name", "account_url");
                    case REWARD_UNLOCKED ->
                        List.of("reward.name", "reward.points_cost", "points.balance", "account_url");
                    case POINTS_EXPIRING, POINTS_LAST_CHANCE ->
                        List.of("points.expiring", "points.expires_at", "account_url");
                });
        Map<String, Object> sample = new LinkedHashMap<>(SampleVariables.forKind(kind));
        sample.put(
                "shop",
                Map.of("name", "your shop's name", "currency", "your shop's currency", "timezone", "your time zone"));
        sample.put("locale", "the customer's language, e.g. en-US");
        sample.put("unsubscribe_url", "the customer's unsubscribe link");
        Map<String, String> variables = new LinkedHashMap<>();
        for (String name : names) {
            variables.put(name, String.valueOf(valueAt(sample, name)));
        }
        return variables;
    }

    /** The sample value at a dotted path; for {@code list[].field}, the first element's field. */
    private static Object valueAt(Map<String, Object> sample, String path) {
        Object value = sample;
        for (String step : path.split("\\.")) {
            boolean list = step.endsWith("[]");
            String key = list ? step.substring(0, step.length() - 2) : step;
            value = value instanceof Map<?, ?> map ? map.get(key) : null;
            if (list) {
                value = value instanceof List<?> items && !items.isEmpty() ? items.getFirst() : null;
            }
        }
        return value == null ? "" : value;
    }
}
