package io.loyaltyloop.broadleaf.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Reads the fields of an event's data the one way the contract defines them: ids and amounts are
 * strings, instants ISO-8601. Every failure names the field, so a parked event explains itself.
 */
final class DataFields {

    /** A decimal string, at most 2 decimals, no sign or exponent. */
    private static final Pattern AMOUNT = Pattern.compile("\\d{1,12}(\\.\\d{1,2})?");

    private DataFields() {}

    static JsonNode object(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (!value.isObject()) {
            throw new SiteMappingException(field + " must be an object");
        }
        return value;
    }

    static String text(JsonNode node, String field) {
        String value = optionalText(node, field);
        if (value == null || value.isBlank()) {
            throw new SiteMappingException(field + " is missing");
        }
        return value;
    }

    static String optionalText(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            throw new SiteMappingException(field + " must be a string");
        }
        return value.asString();
    }

    static BigDecimal amount(JsonNode node, String field) {
        String value = text(node, field);
        if (!AMOUNT.matcher(value).matches()) {
            throw new SiteMappingException(field + " must be a decimal string with at most 2 decimals, was "
                    + (value.length() > 30 ? value.substring(0, 30) + "…" : value));
        }
        return new BigDecimal(value);
    }

    static int quantity(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (!value.isIntegralNumber() || !value.canConvertToInt() || value.asInt() < 0) {
            throw new SiteMappingException(field + " must be a non-negative integer");
        }
        return value.asInt();
    }

    static boolean flag(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return false;
        }
        if (!value.isBoolean()) {
            throw new SiteMappingException(field + " must be true or false");
        }
        return value.booleanValue();
    }

    static Instant instant(JsonNode node, String field) {
        Instant value = optionalInstant(node, field);
        if (value == null) {
            throw new SiteMappingException(field + " is missing");
        }
        return value;
    }

    static Instant optionalInstant(JsonNode node, String field) {
        String value = optionalText(node, field);
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new SiteMappingException(field + " must be an ISO-8601 instant");
        }
    }
}
