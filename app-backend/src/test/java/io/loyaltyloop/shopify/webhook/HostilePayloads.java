package io.loyaltyloop.shopify.webhook;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Webhook bodies an attacker, a buggy proxy or a future API version could send: bytes that are no
 * JSON, JSON that is not one object, and Shopify's real payloads with fields dropped, types swapped
 * and values out of any sane range. Each generator is small and named, so a failure says which kind
 * of input broke what.
 */
final class HostilePayloads {

    /** The topics whose real payloads are mutated: orders, refunds, fulfilments and customers. */
    static final List<String> EVENT_TOPICS = List.of(
            "orders/create",
            "orders/paid",
            "orders/cancelled",
            "orders/fulfilled",
            "refunds/create",
            "fulfillments/create",
            "fulfillments/update",
            "fulfillment_events/create",
            "customers/create");

    /** Fields the engine reads, mutated on purpose more often than a random one would be. */
    private static final List<String> READ_FIELDS = List.of(
            "id",
            "order_id",
            "customer",
            "email",
            "first_name",
            "last_name",
            "currency",
            "presentment_currency",
            "quantity",
            "price",
            "total_price",
            "subtotal_price",
            "line_items",
            "refund_line_items",
            "transactions",
            "amount",
            "created_at",
            "processed_at",
            "cancelled_at",
            "financial_status",
            "gift_card",
            "product_id",
            "variant_id",
            "status",
            "shipment_status",
            "tracking_number");

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private HostilePayloads() {}

    /** Any of the kinds below. */
    static Arbitrary<byte[]> anyBody() {
        return Arbitraries.oneOf(
                randomBytes(),
                notUtf8(),
                truncatedPayloads(),
                deeplyNested(),
                oddJson(),
                mutatedPayloads().map(m -> m.body().getBytes(StandardCharsets.UTF_8)));
    }

    static Arbitrary<byte[]> randomBytes() {
        return Arbitraries.bytes().array(byte[].class).ofMaxSize(2048);
    }

    /** A JSON object in Latin-1, or with a lone surrogate encoded as if it were a character. */
    static Arbitrary<byte[]> notUtf8() {
        Arbitrary<byte[]> latin1 = Arbitraries.strings()
                .withCharRange('\u0080', '\u00ff')
                .ofMinLength(1)
                .ofMaxLength(40)
                .map(s -> ("{\"note\": \"" + s + "\"}").getBytes(StandardCharsets.ISO_8859_1));
        byte[] surrogate = {'{', '"', 'n', '"', ':', '"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"', '}'};
        byte[] overlong = {'{', '"', 'n', '"', ':', '"', (byte) 0xC0, (byte) 0xAF, '"', '}'};
        return Arbitraries.oneOf(latin1, Arbitraries.of(surrogate, overlong));
    }

    /** A real payload cut anywhere. */
    static Arbitrary<byte[]> truncatedPayloads() {
        return Arbitraries.of(EVENT_TOPICS).flatMap(topic -> {
            byte[] whole = WebhookEdgeTest.fixture(topic).getBytes(StandardCharsets.UTF_8);
            return Arbitraries.integers().between(0, whole.length - 1).map(n -> Arrays.copyOf(whole, n));
        });
    }

    /** Objects and arrays nested up to far deeper than any parser's default limit. */
    static Arbitrary<byte[]> deeplyNested() {
        Arbitrary<Integer> depth = Arbitraries.integers().between(1, 20_000);
        return Arbitraries.oneOf(
                        depth.map(d -> "{\"a\":".repeat(d) + "1" + "}".repeat(d)),
                        depth.map(d -> "{\"a\":" + "[".repeat(d) + "]".repeat(d) + "}"),
                        depth.map(d -> "{\"a\":" + "[".repeat(d) + "}"))
                .map(s -> s.getBytes(StandardCharsets.UTF_8));
    }

    /** Well-known shapes that are not exactly one JSON object, and objects with escaped NUL and surrogates. */
    static Arbitrary<byte[]> oddJson() {
        return Arbitraries.of(
                        "",
                        " ",
                        "[]",
                        "null",
                        "\"x\"",
                        "1",
                        "{",
                        "}",
                        "{}{}",
                        "{\"a\": 1} x",
                        "\uFEFF{}",
                        "{\"a\": NaN}",
                        "{'a': 1}",
                        "{a: 1}",
                        "{\"a\": 1,}",
                        "{\"a\": \"\u0001\"}",
                        "{\"a\": 01}",
                        "{\"a\": \"\\u0000\"}",
                        "{\"a\": \"\\ud800\"}",
                        "{\"customer\": {\"id\": \"\\u0000\"}}",
                        "{\"id\": 1" + "0".repeat(2_000) + "}",
                        "{\"" + "k".repeat(60_000) + "\": 1}")
                .map(s -> s.getBytes(StandardCharsets.UTF_8));
    }

    /** A real payload of a random event topic with one to four mutations. */
    static Arbitrary<Mutated> mutatedPayloads() {
        Arbitrary<Mutation> mutation = Combinators.combine(
                        Arbitraries.of(Mutation.Kind.values()),
                        Arbitraries.integers().between(0, 10_000),
                        Arbitraries.integers().between(0, HOSTILE_VALUES.size() - 1))
                .as(Mutation::new);
        return Combinators.combine(
                        Arbitraries.of(EVENT_TOPICS),
                        mutation.list().ofMinSize(1).ofMaxSize(4))
                .as(Mutated::of);
    }

    /**
     * Values no honest payload has where they are put: wrong types, huge and negative numbers,
     * unknown currencies, ids as strings and floats, and text with markup, direction overrides,
     * zero-width and NUL characters, lone surrogates.
     */
    static final List<JsonNode> HOSTILE_VALUES = List.of(
            NODES.nullNode(),
            NODES.stringNode(""),
            NODES.stringNode("12"),
            NODES.stringNode("820982911946154508"),
            NODES.numberNode(820982911946154508.5),
            NODES.numberNode(-5),
            NODES.numberNode(0),
            NODES.numberNode(1.5),
            NODES.numberNode(1e308),
            NODES.numberNode(-1e308),
            NODES.numberNode(Long.MAX_VALUE),
            NODES.numberNode(Long.MIN_VALUE),
            NODES.numberNode(new BigInteger("9".repeat(40))),
            NODES.numberNode(new BigDecimal("-0.0000000000000000000001")),
            NODES.numberNode(new BigDecimal("1E+400")),
            NODES.booleanNode(true),
            NODES.arrayNode(),
            NODES.objectNode(),
            NODES.stringNode("XXX"),
            NODES.stringNode("usd"),
            NODES.stringNode("€"),
            NODES.stringNode("-12.50"),
            NODES.stringNode("1e9999"),
            NODES.stringNode("NaN"),
            NODES.stringNode("2021-13-45T99:00:00Z"),
            NODES.stringNode("<script>alert(1)</script>"),
            NODES.stringNode("\u202Egnp.exe\u200B\u200F"),
            NODES.stringNode("nul\u0000byte"),
            NODES.stringNode("lone \uD800 surrogate"),
            NODES.stringNode("ä@例え.jp"),
            NODES.stringNode("\"; drop table customer; --"),
            NODES.stringNode("x".repeat(5_000)));

    /** One change to a payload, at a location chosen by {@code where} among its fields and elements. */
    record Mutation(Kind kind, int where, int value) {

        enum Kind {
            DROP,
            REPLACE,
            REPLACE_READ_FIELD
        }

        void applyTo(ObjectNode root) {
            List<Location> all = new ArrayList<>();
            locations(root, all);
            List<Location> candidates = kind == Kind.REPLACE_READ_FIELD
                    ? all.stream()
                            .filter(l -> l.field != null && READ_FIELDS.contains(l.field))
                            .toList()
                    : all;
            if (candidates.isEmpty()) {
                return;
            }
            Location at = candidates.get(where % candidates.size());
            JsonNode replacement = HOSTILE_VALUES.get(value);
            if (kind == Kind.DROP) {
                at.remove();
            } else {
                at.set(replacement);
            }
        }

        private static void locations(JsonNode node, List<Location> into) {
            if (node instanceof ObjectNode object) {
                for (String name : List.copyOf(object.propertyNames())) {
                    into.add(new Location(object, name, -1));
                    locations(object.get(name), into);
                }
            } else if (node instanceof ArrayNode array) {
                for (int i = 0; i < array.size(); i++) {
                    into.add(new Location(array, null, i));
                    locations(array.get(i), into);
                }
            }
        }
    }

    /** A field of an object or an element of an array. */
    private record Location(JsonNode parent, String field, int index) {

        void remove() {
            if (parent instanceof ObjectNode object) {
                object.remove(field);
            } else if (parent instanceof ArrayNode array && index < array.size()) {
                array.remove(index);
            }
        }

        void set(JsonNode value) {
            if (parent instanceof ObjectNode object) {
                object.set(field, value);
            } else if (parent instanceof ArrayNode array && index < array.size()) {
                array.set(index, value);
            }
        }
    }

    /** A mutated real payload and the topic it is delivered under. */
    record Mutated(String topic, List<Mutation> mutations, String body) {

        static Mutated of(String topic, List<Mutation> mutations) {
            ObjectNode root = (ObjectNode) JSON.readTree(WebhookEdgeTest.fixture(topic));
            mutations.forEach(m -> m.applyTo(root));
            return new Mutated(topic, mutations, JSON.writeValueAsString(root));
        }

        @Override
        public String toString() {
            // The shrunk input in a failure report: what was changed, not the whole body.
            return topic + " " + mutations;
        }
    }
}
