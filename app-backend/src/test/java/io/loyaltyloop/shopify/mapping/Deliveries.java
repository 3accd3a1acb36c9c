package io.loyaltyloop.shopify.mapping;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.function.Consumer;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Shopify's example payloads from test resources, as deliveries; edit a copy to make a variant. */
final class Deliveries {

    static final String EVENT_ID = "5f8c2d1e-0a4b-4c3d-9e8f-7a6b5c4d3e2f";
    static final Instant TRIGGERED_AT = Instant.parse("2026-11-23T01:00:00Z");

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private Deliveries() {}

    static String fixture(String topic) {
        String path = "/shopify/webhooks-2026-07/" + topic.replace("/", "__") + ".json";
        try (InputStream in = Deliveries.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("no fixture " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ShopifyDelivery of(String topic) {
        return withBody(topic, fixture(topic));
    }

    static ShopifyDelivery withBody(String topic, String body) {
        return new ShopifyDelivery(topic, "example.myshopify.com", EVENT_ID, TRIGGERED_AT, body);
    }

    /** The topic's fixture with {@code edit} applied to its JSON. */
    static ShopifyDelivery edited(String topic, Consumer<ObjectNode> edit) {
        ObjectNode root = (ObjectNode) JSON.readTree(fixture(topic));
        edit.accept(root);
        return withBody(topic, JSON.writeValueAsString(root));
    }

    static ObjectNode lineItem(ObjectNode order, String id) {
        for (JsonNode line : order.get("line_items").values()) {
            if (line.get("id").asString().equals(id)) {
                return (ObjectNode) line;
            }
        }
        throw new IllegalArgumentException("no line " + id);
    }

    /** A Shopify money set: the same amount in shop and presentment money. */
    static ObjectNode moneySet(String amount, String currency) {
        ObjectNode set = JSON.createObjectNode();
        set.putObject("shop_money").put("amount", amount).put("currency_code", currency);
        set.putObject("presentment_money").put("amount", amount).put("currency_code", currency);
        return set;
    }

    static void addDiscountAllocation(ObjectNode line, String amount) {
        line.withArrayProperty("discount_allocations")
                .addObject()
                .put("amount", amount)
                .put("discount_application_index", 0)
                .set("amount_set", moneySet(amount, "USD"));
    }

    static void addTaxLine(ObjectNode line, String amount) {
        line.withArrayProperty("tax_lines")
                .addObject()
                .put("title", "VAT")
                .put("price", amount)
                .put("rate", new BigDecimal("0.2"))
                .set("price_set", moneySet(amount, "USD"));
    }
}
