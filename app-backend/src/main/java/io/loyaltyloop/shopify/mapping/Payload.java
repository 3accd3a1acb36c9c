package io.loyaltyloop.shopify.mapping;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the fields of a Shopify payload the one way the mappers need them; every failure names the
 * field, so a parked delivery explains itself.
 */
public final class Payload {

    // Floats as BigDecimal: a double would round both amounts and ids above 2^53.
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private Payload() {}

    public static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            throw new ShopifyMappingException("payload is empty");
        }
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JacksonException e) {
            throw new ShopifyMappingException("payload is not JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new ShopifyMappingException("payload is not a JSON object");
        }
        return root;
    }

    /**
     * A required Shopify id as a decimal string. Ids exceed 2^53, so only integral JSON numbers (read
     * as long) or digit strings are accepted; a floating-point id has already lost precision.
     */
    public static String id(JsonNode node, String field) {
        String id = optionalId(node, field);
        if (id == null) {
            throw new ShopifyMappingException(field + " is missing");
        }
        return id;
    }

    static String optionalId(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return null;
        }
        return idValue(value, field);
    }

    /** An id that is a value itself, e.g. an element of a list of ids. */
    static String idValue(JsonNode value, String field) {
        if (value.isIntegralNumber()) {
            return value.bigIntegerValue().toString();
        }
        if (value.isString() && value.stringValue().matches("[0-9]{1,20}")) {
            return value.stringValue();
        }
        throw new ShopifyMappingException(field + " is not an integer id: " + value);
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            throw new ShopifyMappingException(field + " is not a string: " + value);
        }
        String text = value.stringValue();
        return text.isBlank() ? null : text;
    }

    public static String requiredText(JsonNode node, String field) {
        String text = text(node, field);
        if (text == null) {
            throw new ShopifyMappingException(field + " is missing");
        }
        return text;
    }

    static boolean flag(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return false;
        }
        if (!value.isBoolean()) {
            throw new ShopifyMappingException(field + " is not a boolean: " + value);
        }
        return value.booleanValue();
    }

    static int quantity(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            throw new ShopifyMappingException(field + " is not an integer: " + value);
        }
        return value.intValue();
    }

    static Instant instant(JsonNode node, String field) {
        String text = text(node, field);
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new ShopifyMappingException(field + " is not an ISO-8601 time with offset: " + text, e);
        }
    }

    static Instant requiredInstant(JsonNode node, String field) {
        Instant instant = instant(node, field);
        if (instant == null) {
            throw new ShopifyMappingException(field + " is missing");
        }
        return instant;
    }

    /**
     * The shop-money amount of a Shopify money set ({@code {shop_money:{amount,currency_code},
     * presentment_money:{…}}}). Presentment money is never read: the engine earns on shop money.
     *
     * @param currency the shop currency the amount must be in, or null when the payload does not say
     */
    static BigDecimal shopMoney(JsonNode node, String field, String currency) {
        JsonNode shopMoney = node.path(field).path("shop_money");
        if (!shopMoney.isObject()) {
            throw new ShopifyMappingException(field + ".shop_money is missing");
        }
        String code = text(shopMoney, "currency_code");
        if (currency != null && code != null && !code.equals(currency)) {
            throw new ShopifyMappingException(
                    field + ".shop_money is in " + code + " but the order's shop currency is " + currency);
        }
        return amount(shopMoney, field + ".shop_money.amount");
    }

    /** Shopify sends amounts as decimal strings ("199.00"); a bare JSON number is read exactly too. */
    private static BigDecimal amount(JsonNode shopMoney, String field) {
        JsonNode value = shopMoney.path("amount");
        if (value.isNumber()) {
            return value.decimalValue();
        }
        if (value.isString()) {
            try {
                return new BigDecimal(value.stringValue().trim());
            } catch (NumberFormatException e) {
                throw new ShopifyMappingException(field + " is not a decimal amount: " + value, e);
            }
        }
        throw new ShopifyMappingException(field + " is missing");
    }

    static Iterable<JsonNode> array(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            throw new ShopifyMappingException(field + " is not an array");
        }
        return value.values();
    }
}
