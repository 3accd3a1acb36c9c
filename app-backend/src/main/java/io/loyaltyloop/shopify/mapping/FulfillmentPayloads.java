package io.loyaltyloop.shopify.mapping;

import io.loyaltyloop.lifecycle.FulfillmentUpdated;
import io.loyaltyloop.lifecycle.OrderLifecycleEvent;
import io.loyaltyloop.shop.ShopId;
import java.time.Instant;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * {@code fulfillments/create|update} and {@code fulfillment_events/create} → {@link
 * FulfillmentUpdated}. Fulfillments never move points; journeys read them (shipped, delivered).
 */
final class FulfillmentPayloads {

    /**
     * Fulfillment events exist only on a fulfillment that succeeded, and their payload does not carry
     * the fulfillment's status, so the event says {@code success}.
     */
    static final String STATUS_OF_A_FULFILLMENT_WITH_EVENTS = "success";

    private FulfillmentPayloads() {}

    /**
     * Status, {@code shipment_status}, tracking company, number and URL (the singular field, else the
     * first of the plural list), updatedAt = {@code updated_at}. A tracking URL that is not http(s) is
     * dropped rather than parking the whole fulfillment: tracking is a courtesy, the status is the fact.
     */
    static List<OrderLifecycleEvent> updated(ShopId shop, String sourceEventId, JsonNode fulfillment) {
        Instant updatedAt = Payload.requiredInstant(fulfillment, "updated_at");
        return List.of(new FulfillmentUpdated(
                shop,
                sourceEventId,
                updatedAt,
                Payload.id(fulfillment, "order_id"),
                Payload.id(fulfillment, "id"),
                Payload.requiredText(fulfillment, "status"),
                Payload.text(fulfillment, "shipment_status"),
                Payload.text(fulfillment, "tracking_company"),
                singularOrFirst(fulfillment, "tracking_number", "tracking_numbers"),
                httpUrl(singularOrFirst(fulfillment, "tracking_url", "tracking_urls")),
                updatedAt));
    }

    /**
     * A carrier event (in_transit, out_for_delivery, delivered, failure, …) as the fulfillment's
     * shipment status, for the fulfillment {@code fulfillment_id} of order {@code order_id}.
     *
     * <p>How it combines with {@code fulfillments/update}: the engine keeps whichever fact has the
     * newest {@code updatedAt} and replaces the whole row. Shopify keeps the fulfillment's {@code
     * shipment_status} in step with its latest event, so a {@code fulfillments/update} describing the
     * same change is at least as new as the event was recorded. The event is therefore dated by {@code
     * happened_at} (the carrier's time, normally no later than Shopify recording it): such an update wins and
     * keeps its tracking, and the event decides only when nothing newer is known. Whether Shopify
     * always sends that {@code fulfillments/update} is not verified. Known gap: when the event does
     * win, the row's tracking fields become null, because {@link FulfillmentUpdated} cannot say
     * "unchanged" — that needs an engine change (null = keep).
     */
    static List<OrderLifecycleEvent> event(ShopId shop, String sourceEventId, JsonNode event) {
        Instant happenedAt = Payload.instant(event, "happened_at");
        if (happenedAt == null) {
            happenedAt = Payload.requiredInstant(event, "created_at");
        }
        return List.of(new FulfillmentUpdated(
                shop,
                sourceEventId,
                happenedAt,
                Payload.id(event, "order_id"),
                Payload.id(event, "fulfillment_id"),
                STATUS_OF_A_FULFILLMENT_WITH_EVENTS,
                Payload.requiredText(event, "status"),
                null,
                null,
                null,
                happenedAt));
    }

    private static String singularOrFirst(JsonNode node, String singular, String plural) {
        String value = Payload.text(node, singular);
        if (value != null) {
            return value;
        }
        for (JsonNode first : Payload.array(node, plural)) {
            if (first.isString() && !first.stringValue().isBlank()) {
                return first.stringValue();
            }
        }
        return null;
    }

    private static String httpUrl(String url) {
        return url != null && (url.startsWith("https://") || url.startsWith("http://")) ? url : null;
    }
}
