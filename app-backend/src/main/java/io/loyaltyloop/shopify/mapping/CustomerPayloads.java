package io.loyaltyloop.shopify.mapping;

import io.loyaltyloop.lifecycle.CustomerRedacted;
import io.loyaltyloop.lifecycle.CustomerSnapshot;
import io.loyaltyloop.lifecycle.CustomerUpserted;
import io.loyaltyloop.lifecycle.OrderLifecycleEvent;
import io.loyaltyloop.shop.ShopId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** {@code customers/create} → {@link CustomerUpserted}; {@code customers/redact} → {@link CustomerRedacted}. */
final class CustomerPayloads {

    private CustomerPayloads() {}

    /** occurredAt = {@code updated_at} (else {@code created_at}, else the delivery's triggered-at). */
    static List<OrderLifecycleEvent> created(
            ShopId shop, String sourceEventId, Instant triggeredAt, JsonNode customer) {
        Instant updatedAt = Payload.instant(customer, "updated_at");
        Instant occurredAt = firstOf(updatedAt, Payload.instant(customer, "created_at"), triggeredAt);
        var snapshot = new CustomerSnapshot(
                Payload.id(customer, "id"),
                Payload.text(customer, "email"),
                Payload.text(customer, "first_name"),
                Payload.text(customer, "last_name"),
                Payload.text(customer, "locale"),
                acceptsMarketing(customer, null),
                updatedAt);
        return List.of(new CustomerUpserted(shop, sourceEventId, occurredAt, snapshot));
    }

    /**
     * The compliance payload names the customer as {@code customer.id}; the payload has no time of its
     * own, so the delivery's triggered-at dates it.
     */
    static List<OrderLifecycleEvent> redact(ShopId shop, String sourceEventId, Instant triggeredAt, JsonNode payload) {
        JsonNode customer = payload.path("customer");
        if (!customer.isObject()) {
            throw new ShopifyMappingException("customer is missing");
        }
        if (triggeredAt == null) {
            throw new ShopifyMappingException("triggered-at is missing");
        }
        String customerId = Payload.optionalId(customer, "id");
        if (customerId == null) {
            throw new ShopifyMappingException("customer.id is missing");
        }
        List<String> ordersToRedact = new ArrayList<>();
        JsonNode orders = payload.path("orders_to_redact");
        if (!orders.isMissingNode() && !orders.isNull() && !orders.isArray()) {
            throw new ShopifyMappingException("orders_to_redact is not a list");
        }
        for (JsonNode order : orders) {
            ordersToRedact.add(Payload.idValue(order, "orders_to_redact"));
        }
        return List.of(new CustomerRedacted(shop, sourceEventId, triggeredAt, customerId, ordersToRedact));
    }

    /**
     * Email marketing consent: {@code email_marketing_consent.state == "subscribed"} when Shopify sends
     * the consent object (current API versions), else the deprecated {@code accepts_marketing}, else
     * (for a customer inside an order) the order's {@code buyer_accepts_marketing}.
     */
    static boolean acceptsMarketing(JsonNode customer, JsonNode order) {
        JsonNode consent = customer.path("email_marketing_consent");
        if (consent.isObject() && Payload.text(consent, "state") != null) {
            return "subscribed".equals(Payload.text(consent, "state"));
        }
        JsonNode accepts = customer.path("accepts_marketing");
        if (accepts.isBoolean()) {
            return accepts.booleanValue();
        }
        return order != null && Payload.flag(order, "buyer_accepts_marketing");
    }

    private static Instant firstOf(Instant... candidates) {
        for (Instant candidate : candidates) {
            if (candidate != null) {
                return candidate;
            }
        }
        throw new ShopifyMappingException("updated_at, created_at and triggered-at are all missing");
    }
}
