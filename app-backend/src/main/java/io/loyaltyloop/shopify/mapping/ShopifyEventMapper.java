package io.loyaltyloop.shopify.mapping;

import io.loyaltyloop.lifecycle.InvalidEventException;
import io.loyaltyloop.lifecycle.OrderLifecycleEvent;
import io.loyaltyloop.shop.ShopId;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Turns one verified Shopify webhook delivery into the engine's lifecycle events. Pure: no I/O, no
 * clock; the same delivery always maps to the same events.
 *
 * <p>{@code sourceEventId} = topic + ":" + {@code X-Shopify-Event-Id}. Retries of one delivery keep
 * their event id and so dedupe in the engine; the same Shopify event delivered to two topics (e.g.
 * {@code orders/create} and {@code orders/paid}) stays two facts. When one delivery yields a second
 * event it gets a fixed suffix, so it is just as stable.
 *
 * <table>
 *   <caption>topics</caption>
 *   <tr><th>topic</th><th>maps to</th></tr>
 *   <tr><td>orders/create</td><td>OrderPlaced, plus OrderPaid when already paid ({@link OrderPayloads})</td></tr>
 *   <tr><td>orders/paid</td><td>OrderPaid</td></tr>
 *   <tr><td>orders/cancelled</td><td>OrderCancelled with the snapshot</td></tr>
 *   <tr><td>orders/fulfilled</td><td>nothing: the per-fulfillment topics carry the facts</td></tr>
 *   <tr><td>refunds/create</td><td>OrderRefunded, or nothing for a refund without lines ({@link RefundPayloads})</td></tr>
 *   <tr><td>fulfillments/create, fulfillments/update, fulfillment_events/create</td><td>FulfillmentUpdated</td></tr>
 *   <tr><td>customers/create</td><td>CustomerUpserted</td></tr>
 *   <tr><td>customers/redact</td><td>CustomerRedacted</td></tr>
 *   <tr><td>app/uninstalled, shop/redact, customers/data_request, bulk_operations/finish</td>
 *       <td>{@link ShopifyMapping.HandledElsewhere}</td></tr>
 * </table>
 *
 * Anything that cannot be mapped — an unknown topic, an empty or non-JSON body, a missing id or time,
 * an amount that is not a decimal, or an event the engine's own validation refuses — throws {@link
 * ShopifyMappingException}; retrying cannot fix it, so the worker parks the delivery.
 */
public final class ShopifyEventMapper {

    static final Set<String> HANDLED_ELSEWHERE =
            Set.of("app/uninstalled", "shop/redact", "customers/data_request", "bulk_operations/finish");

    public ShopifyMapping map(ShopifyDelivery delivery, ShopId shop) {
        String topic = delivery.topic();
        if (topic == null || topic.isBlank()) {
            throw new ShopifyMappingException("delivery has no topic");
        }
        if (HANDLED_ELSEWHERE.contains(topic)) {
            return new ShopifyMapping.HandledElsewhere(topic);
        }
        if (delivery.eventId() == null || delivery.eventId().isBlank()) {
            throw new ShopifyMappingException(topic + ": delivery has no X-Shopify-Event-Id");
        }
        try {
            return new ShopifyMapping.Events(events(topic, delivery, shop));
        } catch (ShopifyMappingException | InvalidEventException e) {
            throw new ShopifyMappingException(
                    topic + " event " + delivery.eventId() + " cannot be mapped: " + e.getMessage(), e);
        }
    }

    private static List<OrderLifecycleEvent> events(String topic, ShopifyDelivery delivery, ShopId shop) {
        String sourceEventId = topic + ":" + delivery.eventId();
        return switch (topic) {
            case "orders/create" -> OrderPayloads.created(shop, sourceEventId, body(delivery));
            case "orders/paid" -> OrderPayloads.paid(shop, sourceEventId, body(delivery));
            case "orders/cancelled" -> OrderPayloads.cancelled(shop, sourceEventId, body(delivery));
            // Informational: it says every line is fulfilled, but carries no fulfillment ids or money
            // the engine does not already get from fulfillments/* and the order topics. Parsed anyway,
            // so a broken body is still noticed.
            case "orders/fulfilled" -> {
                Payload.id(body(delivery), "id");
                yield List.of();
            }
            case "refunds/create" -> RefundPayloads.created(shop, sourceEventId, body(delivery));
            case "fulfillments/create", "fulfillments/update" ->
                FulfillmentPayloads.updated(shop, sourceEventId, body(delivery));
            case "fulfillment_events/create" -> FulfillmentPayloads.event(shop, sourceEventId, body(delivery));
            // Same payload; updates keep the address and name the emails use current, and an older
            // update arriving late loses to the newer one (CustomerSnapshot's updated_at).
            case "customers/create", "customers/update" ->
                CustomerPayloads.created(shop, sourceEventId, delivery.triggeredAt(), body(delivery));
            case "customers/redact" ->
                CustomerPayloads.redact(shop, sourceEventId, delivery.triggeredAt(), body(delivery));
            default -> throw new ShopifyMappingException("topic is not mapped: " + topic);
        };
    }

    private static JsonNode body(ShopifyDelivery delivery) {
        return Payload.parse(delivery.body());
    }
}
