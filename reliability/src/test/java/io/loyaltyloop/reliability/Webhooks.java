package io.loyaltyloop.reliability;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Shopify's webhooks for one order at a time: the 2026-07 example payloads ({@code
 * src/test/resources/shopify/webhooks-2026-07}, see its README) with the order's, customer's,
 * fulfillment's and refund's ids and the buyer's address rewritten, signed as Shopify signs them
 * (base64 HMAC-SHA256 of the raw body with the app's secret) and carrying Shopify's headers.
 */
final class Webhooks {

    static final List<String> LIFECYCLE = List.of(
            "orders/create",
            "orders/paid",
            "fulfillments/create",
            "fulfillments/update",
            "refunds/create",
            "orders/cancelled");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FIXTURE_ORDER = "820982911946154508";
    private static final String FIXTURE_CUSTOMER = "115310627314723954";
    private static final DateTimeFormatter SHOPIFY_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX").withZone(ZoneOffset.ofHours(-5));

    private final String secret;

    Webhooks(String secret) {
        this.secret = secret;
    }

    /** One webhook as Shopify sends it; every retry of it carries the same ids and body. */
    record Delivery(String shop, String topic, String webhookId, String eventId, long orderId, String body) {}

    /** An order of {@code shop}: id, buyer, and when it was placed (its events follow a second apart). */
    record Order(String shop, long id, long customerId, String buyer, Instant placedAt) {

        String name() {
            return "#" + id % 1_000_000;
        }
    }

    /** The order's webhooks of {@code topics}, in that order. */
    List<Delivery> of(Order order, List<String> topics) {
        List<Delivery> deliveries = new ArrayList<>();
        for (String topic : topics) {
            deliveries.add(delivery(order, topic));
        }
        return deliveries;
    }

    Delivery delivery(Order order, String topic) {
        int step = LIFECYCLE.indexOf(topic);
        Instant at = order.placedAt().plus(Math.max(step, 0), ChronoUnit.SECONDS);
        String raw = fixture(topic)
                .replace(FIXTURE_ORDER, Long.toString(order.id()))
                .replace(FIXTURE_CUSTOMER, Long.toString(order.customerId()))
                .replace("jon@example.com", order.buyer())
                .replace("john@example.com", order.buyer());
        ObjectNode body = (ObjectNode) JSON.readTree(raw);
        edit(topic, order, at).accept(body);
        return new Delivery(
                order.shop(),
                topic,
                UUID.randomUUID().toString(),
                UUID.randomUUID().toString(),
                order.id(),
                JSON.writeValueAsString(body));
    }

    private static Consumer<ObjectNode> edit(String topic, Order order, Instant at) {
        String placed = SHOPIFY_TIME.format(order.placedAt());
        String now = SHOPIFY_TIME.format(at);
        return switch (topic) {
            case "orders/create", "orders/paid", "orders/cancelled" ->
                body -> {
                    body.put("name", order.name());
                    body.put("order_number", order.id() % 1_000_000);
                    body.put("created_at", placed);
                    body.put("processed_at", placed);
                    body.put("updated_at", now);
                    body.put("financial_status", topic.equals("orders/create") ? "pending" : "paid");
                    if (topic.equals("orders/cancelled")) {
                        body.put("cancelled_at", now);
                    } else {
                        body.putNull("cancelled_at");
                        body.putNull("cancel_reason");
                    }
                };
            case "fulfillments/create", "fulfillments/update" ->
                body -> {
                    body.put("id", order.id() + 1);
                    body.put("admin_graphql_api_id", "gid://shopify/Fulfillment/" + (order.id() + 1));
                    body.put("status", "success");
                    body.put("created_at", SHOPIFY_TIME.format(order.placedAt().plus(2, ChronoUnit.SECONDS)));
                    body.put("updated_at", now);
                };
            case "refunds/create" ->
                body -> {
                    body.put("id", order.id() + 2);
                    body.put("admin_graphql_api_id", "gid://shopify/Refund/" + (order.id() + 2));
                    body.put("created_at", now);
                    body.put("processed_at", now);
                    partOfTheOrder(body);
                };
            default -> throw new IllegalArgumentException(topic);
        };
    }

    /**
     * Makes the example refund a partial one. Shopify's example refunds all five lines of the example
     * order (414.95 of merchandise, though its transactions return only 85.00), which leaves every
     * refunded order with no points and makes "refunded before paid" indistinguishable from "never
     * earned". Kept: the first refund line (the 89.99 sunglasses), with one refund transaction of
     * that amount.
     */
    private static void partOfTheOrder(ObjectNode refund) {
        ArrayNode lines = (ArrayNode) refund.get("refund_line_items");
        JsonNode first = lines.get(0);
        lines.removeAll();
        lines.add(first);
        ArrayNode transactions = (ArrayNode) refund.get("transactions");
        ObjectNode transaction = (ObjectNode) transactions.get(0);
        transaction.put(
                "amount",
                first.get("subtotal_set").get("shop_money").get("amount").asString());
        transaction.put("created_at", refund.get("created_at").asString());
        transactions.removeAll();
        transactions.add(transaction);
    }

    /** Posts {@code delivery} to {@code backendUrl}; the HTTP status, or -1 if no answer came. */
    int send(String backendUrl, Delivery delivery) {
        byte[] body = delivery.body().getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create(backendUrl + "/webhooks"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("X-Shopify-Topic", delivery.topic())
                .header("X-Shopify-Hmac-Sha256", sign(body))
                .header("X-Shopify-Shop-Domain", delivery.shop())
                .header("X-Shopify-API-Version", "2026-07")
                .header("X-Shopify-Webhook-Id", delivery.webhookId())
                .header("X-Shopify-Event-Id", delivery.eventId())
                .header("X-Shopify-Triggered-At", Instant.now().toString())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        return Http.status(request);
    }

    private String sign(byte[] body) {
        return Base64.getEncoder().encodeToString(Http.hmacSha256(secret, body));
    }

    private static String fixture(String topic) {
        String path = "/shopify/webhooks-2026-07/" + topic.replace('/', '_').replace("_", "__") + ".json";
        try (InputStream in = Webhooks.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
