package io.loyaltyloop.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Webhook bodies in Shopify's 2026-07 format, made from Shopify's own example payloads
 * ({@code demo/webhooks/*.json}) with the simulated store's ids, people, amounts and dates put in;
 * every other field stays as Shopify sends it.
 */
final class WebhookPayloads {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final Map<String, ObjectNode> fixtures = new HashMap<>();

    /** A customer of the simulated store. */
    record Customer(long id, String firstName, String lastName, String email) {
        String gid() {
            return "gid://shopify/Customer/" + id;
        }
    }

    /** One line of an order: the example order's line {@code fixtureLine}, bought {@code quantity} times. */
    record Line(long id, int fixtureLine, int quantity, BigDecimal price) {}

    /** An order of the simulated store. */
    record Order(long id, int number, Customer customer, List<Line> lines, Instant placedAt) {
        String name() {
            return "#" + number;
        }

        BigDecimal total() {
            return lines.stream()
                    .map(l -> l.price().multiply(BigDecimal.valueOf(l.quantity())))
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
        }
    }

    /** The example order's line prices, which the simulated lines are priced at. */
    List<BigDecimal> fixturePrices() {
        return stream(fixture("orders/paid").withArray("line_items"))
                .map(l -> new BigDecimal(l.get("price").asString()))
                .toList();
    }

    String customer(Customer c, Instant at) {
        ObjectNode body = fixture("customers/create");
        putCustomer(body, c);
        body.put("created_at", at.toString()).put("updated_at", at.toString());
        ((ObjectNode) body.get("default_address"))
                .put("customer_id", c.id())
                .put("first_name", c.firstName())
                .put("last_name", c.lastName())
                .put("name", c.firstName() + " " + c.lastName());
        return JSON.writeValueAsString(body);
    }

    /** {@code orders/create} ("pending"), {@code orders/paid} or {@code orders/cancelled}. */
    String order(String topic, Order o, Instant at) {
        ObjectNode body = fixture(topic);
        body.put("id", o.id())
                .put("admin_graphql_api_id", "gid://shopify/Order/" + o.id())
                .put("name", o.name())
                .put("order_number", o.number())
                .put("number", o.number() - 1000)
                .put("email", o.customer().email())
                .put("contact_email", o.customer().email())
                .put("created_at", o.placedAt().toString())
                .put("processed_at", o.placedAt().toString())
                .put("updated_at", at.toString())
                .put("taxes_included", false)
                .put("currency", "USD")
                .put("presentment_currency", "USD");
        boolean cancelled = topic.equals("orders/cancelled");
        body.put("financial_status", cancelled ? "voided" : topic.equals("orders/paid") ? "paid" : "pending");
        if (cancelled) {
            body.put("cancelled_at", at.toString()).put("cancel_reason", "customer");
        } else {
            body.putNull("cancelled_at").putNull("cancel_reason");
        }
        String total = o.total().toPlainString();
        for (String field : List.of("subtotal_price", "total_price", "current_total_price", "total_line_items_price")) {
            body.put(field, total);
        }
        putCustomer((ObjectNode) body.get("customer"), o.customer());
        body.set("line_items", lines(body.withArray("line_items"), o));
        return JSON.writeValueAsString(body);
    }

    /** {@code fulfillments/create}: all of the order shipped with UPS tracking. */
    String fulfillment(Order o, long fulfillmentId, String tracking, Instant at) {
        ObjectNode body = fixture("fulfillments/create");
        String url = "https://www.ups.com/WebTracking?loc=en_US&requester=ST&trackNums=" + tracking;
        body.put("id", fulfillmentId)
                .put("admin_graphql_api_id", "gid://shopify/Fulfillment/" + fulfillmentId)
                .put("order_id", o.id())
                .put("name", o.name() + ".1")
                .put("status", "success")
                .put("created_at", at.toString())
                .put("updated_at", at.toString())
                .put("tracking_number", tracking)
                .put("tracking_url", url);
        body.putArray("tracking_numbers").add(tracking);
        body.putArray("tracking_urls").add(url);
        body.set("line_items", lines(body.withArray("line_items"), o));
        return JSON.writeValueAsString(body);
    }

    /** {@code fulfillment_events/create}: in_transit, out_for_delivery or delivered. */
    String fulfillmentEvent(Order o, long fulfillmentId, long eventId, String status, Instant at) {
        ObjectNode body = fixture("fulfillment_events/create");
        body.put("id", eventId)
                .put("admin_graphql_api_id", "gid://shopify/FulfillmentEvent/" + eventId)
                .put("fulfillment_id", fulfillmentId)
                .put("order_id", o.id())
                .put("status", status)
                .put("message", status.replace('_', ' '))
                .put("happened_at", at.toString())
                .put("created_at", at.toString())
                .put("updated_at", at.toString());
        return JSON.writeValueAsString(body);
    }

    /** {@code refunds/create}: one unit of one line refunded. */
    String refund(Order o, long refundId, Line line, Instant at) {
        ObjectNode body = fixture("refunds/create");
        body.put("id", refundId)
                .put("admin_graphql_api_id", "gid://shopify/Refund/" + refundId)
                .put("order_id", o.id())
                .put("created_at", at.toString())
                .put("processed_at", at.toString())
                .put("note", "Returned one item");
        ArrayNode refundLines = body.withArray("refund_line_items");
        ObjectNode first = (ObjectNode) refundLines.get(0);
        String amount = line.price().toPlainString();
        first.put("id", refundId + 1)
                .put("line_item_id", line.id())
                .put("quantity", 1)
                .put("subtotal", line.price().doubleValue());
        money((ObjectNode) first.get("subtotal_set"), amount);
        ObjectNode lineItem = (ObjectNode) first.get("line_item");
        lineItem.put("id", line.id()).put("quantity", line.quantity()).put("price", amount);
        money((ObjectNode) lineItem.get("price_set"), amount);
        body.putArray("refund_line_items").add(first);
        ArrayNode transactions = body.withArray("transactions");
        ObjectNode transaction = (ObjectNode) transactions.get(0);
        transaction.put("order_id", o.id()).put("amount", amount).put("created_at", at.toString());
        body.putArray("transactions").add(transaction);
        return JSON.writeValueAsString(body);
    }

    private static ArrayNode lines(ArrayNode fixtureLines, Order o) {
        ArrayNode lines = JSON.createArrayNode();
        for (Line l : o.lines()) {
            ObjectNode line = ((ObjectNode) fixtureLines.get(l.fixtureLine())).deepCopy();
            String price = l.price().toPlainString();
            line.put("id", l.id())
                    .put("admin_graphql_api_id", "gid://shopify/LineItem/" + l.id())
                    .put("quantity", l.quantity())
                    .put("current_quantity", l.quantity())
                    .put("fulfillable_quantity", l.quantity())
                    .put("price", price)
                    .put("total_discount", "0.00");
            money((ObjectNode) line.get("price_set"), price);
            money((ObjectNode) line.get("total_discount_set"), "0.00");
            line.putArray("discount_allocations");
            line.putArray("tax_lines");
            lines.add(line);
        }
        return lines;
    }

    private static void putCustomer(ObjectNode node, Customer c) {
        node.put("id", c.id())
                .put("admin_graphql_api_id", c.gid())
                .put("email", c.email())
                .put("first_name", c.firstName())
                .put("last_name", c.lastName());
    }

    private static void money(ObjectNode set, String amount) {
        if (set == null) {
            return;
        }
        for (String side : List.of("shop_money", "presentment_money")) {
            if (set.get(side) instanceof ObjectNode m) {
                m.put("amount", amount).put("currency_code", "USD");
            }
        }
    }

    private ObjectNode fixture(String topic) {
        return fixtures.computeIfAbsent(topic, WebhookPayloads::read).deepCopy();
    }

    private static ObjectNode read(String topic) {
        String path = "/demo/webhooks/" + topic.replace("/", "__") + ".json";
        try (InputStream in = WebhookPayloads.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing " + path);
            }
            return (ObjectNode) JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static java.util.stream.Stream<JsonNode> stream(ArrayNode array) {
        return java.util.stream.StreamSupport.stream(array.spliterator(), false);
    }
}
