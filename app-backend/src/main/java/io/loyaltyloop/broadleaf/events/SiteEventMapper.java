package io.loyaltyloop.broadleaf.events;

import static io.loyaltyloop.broadleaf.events.DataFields.amount;
import static io.loyaltyloop.broadleaf.events.DataFields.flag;
import static io.loyaltyloop.broadleaf.events.DataFields.instant;
import static io.loyaltyloop.broadleaf.events.DataFields.object;
import static io.loyaltyloop.broadleaf.events.DataFields.optionalInstant;
import static io.loyaltyloop.broadleaf.events.DataFields.optionalText;
import static io.loyaltyloop.broadleaf.events.DataFields.quantity;
import static io.loyaltyloop.broadleaf.events.DataFields.text;

import io.loyaltyloop.lifecycle.CustomerRedacted;
import io.loyaltyloop.lifecycle.CustomerSnapshot;
import io.loyaltyloop.lifecycle.CustomerUpserted;
import io.loyaltyloop.lifecycle.FulfillmentUpdated;
import io.loyaltyloop.lifecycle.InvalidEventException;
import io.loyaltyloop.lifecycle.OrderCancelled;
import io.loyaltyloop.lifecycle.OrderLifecycleEvent;
import io.loyaltyloop.lifecycle.OrderLine;
import io.loyaltyloop.lifecycle.OrderPaid;
import io.loyaltyloop.lifecycle.OrderPlaced;
import io.loyaltyloop.lifecycle.OrderRefunded;
import io.loyaltyloop.lifecycle.OrderSnapshot;
import io.loyaltyloop.lifecycle.RefundedLine;
import io.loyaltyloop.shop.ShopId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A site event's {@code data} → the core's lifecycle events (the table in docs/broadleaf-wire.md).
 * Source event ids are {@code bl:<event id>}, with a suffix where one event yields two. Throws
 * {@link SiteMappingException} naming the field for data that does not map.
 */
final class SiteEventMapper {

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    /** Broadleaf shipment statuses → the Shopify-style fulfillment status and shipment status. */
    private static final Map<String, String> SHIPMENT_STATUS = Map.of(
            "in_transit", "in_transit",
            "out_for_delivery", "out_for_delivery",
            "delivered", "delivered",
            "exception", "failure");

    private SiteEventMapper() {}

    static List<OrderLifecycleEvent> map(ShopId shop, SiteEvent event) {
        JsonNode data;
        try {
            data = JSON.readTree(event.data());
        } catch (JacksonException e) {
            throw new SiteMappingException("data is not JSON");
        }
        String source = "bl:" + event.eventId();
        Instant at = event.occurredAt();
        EventType type = EventType.of(event.type())
                .orElseThrow(() -> new SiteMappingException("unknown event type " + event.type()));
        try {
            return switch (type) {
                case CUSTOMER_UPSERTED ->
                    List.of(new CustomerUpserted(shop, source, at, customer(object(data, "customer"))));
                case ORDER_SUBMITTED -> {
                    OrderSnapshot order = order(object(data, "order"));
                    // Broadleaf takes payment before it submits the order: submitted is paid.
                    yield List.of(
                            new OrderPlaced(shop, source + ":placed", at, order),
                            new OrderPaid(shop, source + ":paid", at, order, order.placedAt()));
                }
                case SHIPMENT_UPDATED -> List.of(shipment(shop, source, at, data));
                case ORDER_CANCELLED ->
                    List.of(new OrderCancelled(
                            shop, source, at, text(data, "orderId"), instant(data, "cancelledAt"), null));
                case ORDER_REFUNDED -> List.of(refund(shop, source, at, data));
                case CUSTOMER_REDACTED -> List.of(new CustomerRedacted(shop, source, at, text(data, "customerId")));
            };
        } catch (InvalidEventException e) {
            throw new SiteMappingException(e.getMessage());
        }
    }

    private static CustomerSnapshot customer(JsonNode c) {
        return new CustomerSnapshot(
                text(c, "id"),
                optionalText(c, "email"),
                optionalText(c, "firstName"),
                optionalText(c, "lastName"),
                optionalText(c, "locale"),
                flag(c, "acceptsMarketing"),
                optionalInstant(c, "updatedAt"));
    }

    private static OrderSnapshot order(JsonNode o) {
        JsonNode customer = o.path("customer");
        JsonNode lines = o.path("lines");
        if (!lines.isArray()) {
            throw new SiteMappingException("order.lines must be an array");
        }
        List<OrderLine> mapped = new ArrayList<>(lines.size());
        for (JsonNode line : lines) {
            mapped.add(new OrderLine(
                    text(line, "id"),
                    optionalText(line, "productId"),
                    optionalText(line, "skuId"),
                    optionalText(line, "sku"),
                    optionalText(line, "title"),
                    optionalText(line, "vendor"),
                    optionalText(line, "productType"),
                    quantity(line, "quantity"),
                    amount(line, "amount"),
                    flag(line, "giftCard")));
        }
        return new OrderSnapshot(
                text(o, "id"),
                optionalText(o, "number"),
                text(o, "currency"),
                instant(o, "submittedAt"),
                customer.isMissingNode() || customer.isNull() ? null : customer(object(o, "customer")),
                mapped);
    }

    private static FulfillmentUpdated shipment(ShopId shop, String source, Instant at, JsonNode s) {
        String status = text(s, "status");
        if (!status.equals("shipped") && !SHIPMENT_STATUS.containsKey(status)) {
            throw new SiteMappingException(
                    "status must be shipped, in_transit, out_for_delivery, delivered or exception");
        }
        return new FulfillmentUpdated(
                shop,
                source,
                at,
                text(s, "orderId"),
                text(s, "shipmentId"),
                "success",
                SHIPMENT_STATUS.get(status),
                optionalText(s, "carrier"),
                optionalText(s, "trackingNumber"),
                optionalText(s, "trackingUrl"),
                instant(s, "updatedAt"));
    }

    private static OrderRefunded refund(ShopId shop, String source, Instant at, JsonNode r) {
        JsonNode lines = r.path("lines");
        if (!lines.isArray()) {
            throw new SiteMappingException("lines must be an array");
        }
        List<RefundedLine> refunded = new ArrayList<>(lines.size());
        for (JsonNode line : lines) {
            refunded.add(new RefundedLine(text(line, "lineId"), quantity(line, "quantity"), amount(line, "amount")));
        }
        return new OrderRefunded(
                shop, source, at, text(r, "orderId"), text(r, "refundId"), instant(r, "refundedAt"), refunded);
    }
}
