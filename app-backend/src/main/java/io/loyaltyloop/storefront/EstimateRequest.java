package io.loyaltyloop.storefront;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the "points you'll earn" hint asks about, as the block's Liquid writes it: the lines with
 * what the engine's exclusions look at, and money in Shopify's Liquid units (hundredths). See
 * {@code docs/storefront-api.md}, {@code POST /proxy/estimate}.
 *
 * @param basis {@link Basis#CART}: one order of every line, less {@code cartDiscount}; {@link
 *     Basis#CHEAPEST}: the lines are alternatives (a product's variants) and the answer is the least
 *     any of them earns
 * @param taxesIncluded the prices hold tax (the engine earns on the amount before it)
 */
record EstimateRequest(String currency, boolean taxesIncluded, Basis basis, BigDecimal cartDiscount, List<Line> lines) {

    static final int MAX_BYTES = 64 * 1024;
    static final int MAX_LINES = 250;
    private static final long MAX_CENTS = 100_000_000L; // 1,000,000.00
    private static final int MAX_TEXT = 255;
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    enum Basis {
        CART,
        CHEAPEST
    }

    /** One line: its price after the cart's line discounts, and what exclusions match on. */
    record Line(BigDecimal price, String productId, String sku, String vendor, String productType, boolean giftCard) {}

    /** @throws ProxyProblem 400 {@code bad-estimate} naming the first thing wrong; nothing is read */
    static EstimateRequest parse(byte[] body) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JacksonException e) {
            throw bad("the body is not JSON");
        }
        if (root == null || !root.isObject()) {
            throw bad("the body must be a JSON object");
        }
        String currency = text(root, "currency");
        if (currency == null || !CURRENCY.matcher(currency).matches()) {
            throw bad("currency must be a three-letter ISO code");
        }
        Basis basis;
        try {
            basis = Basis.valueOf(textOr(root, "basis", "cart").toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw bad("basis must be cart or cheapest");
        }
        JsonNode lines = root.path("lines");
        if (!lines.isArray() || lines.isEmpty() || lines.size() > MAX_LINES) {
            throw bad("lines must be a list of 1 to " + MAX_LINES + " lines");
        }
        List<Line> parsed = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            JsonNode line = lines.get(i);
            if (!line.isObject()) {
                throw bad("line " + i + " must be an object");
            }
            parsed.add(new Line(
                    money(line, "price", "line " + i + " price"),
                    text(line, "productId"),
                    text(line, "sku"),
                    text(line, "vendor"),
                    text(line, "productType"),
                    flag(line, "giftCard")));
        }
        BigDecimal cartDiscount =
                root.has("cartDiscount") ? money(root, "cartDiscount", "cartDiscount") : BigDecimal.ZERO;
        return new EstimateRequest(currency, flag(root, "taxesIncluded"), basis, cartDiscount, parsed);
    }

    /** Liquid money (an integer of hundredths, 0 to 1,000,000.00) as an amount. */
    private static BigDecimal money(JsonNode node, String field, String name) {
        JsonNode value = node.get(field);
        if (value == null || !value.isIntegralNumber() || !value.canConvertToLong()) {
            throw bad(name + " must be an integer of hundredths");
        }
        long cents = value.asLong();
        if (cents < 0 || cents > MAX_CENTS) {
            throw bad(name + " must be from 0 to " + MAX_CENTS);
        }
        return BigDecimal.valueOf(cents, 2);
    }

    /** A string (or a number, which Liquid writes for ids), at most 255 characters; null if absent. */
    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString() && !value.isIntegralNumber()) {
            throw bad(field + " must be a string");
        }
        String text = value.asString();
        if (text.length() > MAX_TEXT) {
            throw bad(field + " must be at most " + MAX_TEXT + " characters");
        }
        return text;
    }

    private static String textOr(JsonNode node, String field, String fallback) {
        String text = text(node, field);
        return text == null ? fallback : text;
    }

    private static boolean flag(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return false;
        }
        if (!value.isBoolean()) {
            throw bad(field + " must be true or false");
        }
        return value.asBoolean();
    }

    private static ProxyProblem bad(String detail) {
        return new ProxyProblem(HttpStatus.BAD_REQUEST, "bad-estimate", detail);
    }
}
