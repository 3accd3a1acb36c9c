package io.loyaltyloop.storefront;

import io.loyaltyloop.shopify.WebhookSignature;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import javax.crypto.spec.SecretKeySpec;

/**
 * Verifies a request Shopify forwarded through the app proxy: {@code signature} is the hex
 * HMAC-SHA256, with the app's secret, of the other query parameters URL-decoded, repeated keys'
 * values joined with {@code ,}, as {@code key=value} pairs sorted by key and concatenated with no
 * separator. The {@code timestamp} must be within 90 seconds of now. Requests that repeat
 * {@code signature}, {@code shop}, {@code timestamp}, {@code hmac} or {@code logged_in_customer_id}
 * (joined, two ids would name a customer ",9101" nobody signed in as), or whose shop is not a
 * {@code *.myshopify.com} domain, are refused: a repeated key is ambiguous about which value the
 * signature vouches for.
 */
public final class AppProxySignature {

    static final Duration TOLERANCE = Duration.ofSeconds(90);
    private static final Set<String> SINGLE = Set.of("signature", "shop", "timestamp", "hmac", "logged_in_customer_id");
    private static final Pattern HEX_SIGNATURE = Pattern.compile("[0-9a-fA-F]{64}");
    private static final Pattern SHOP_DOMAIN = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9-]*\\.myshopify\\.com");

    private final List<SecretKeySpec> secrets;
    private final Clock clock;

    /** @param secrets the app's current secret first, then the previous one during a rotation */
    public AppProxySignature(List<String> secrets, Clock clock) {
        this.secrets = secrets.stream().map(AppProxySignature::key).toList();
        this.clock = clock;
    }

    /**
     * The verified request's parameters.
     *
     * @param rawQuery the query string exactly as received (still URL-encoded)
     * @throws AppProxySignatureException with the reason, for the log; answer 401 without details
     */
    public ProxyRequest verify(String rawQuery) {
        if (secrets.isEmpty()) {
            throw new AppProxySignatureException("the app secret is not configured");
        }
        Map<String, String> params = merged(rawQuery == null ? "" : rawQuery);
        String signature = params.remove("signature");
        if (signature == null || !HEX_SIGNATURE.matcher(signature).matches()) {
            throw new AppProxySignatureException("signature missing or not 64 hex digits");
        }
        byte[] given = HexFormat.of().parseHex(signature.toLowerCase());
        byte[] message = message(params).getBytes(StandardCharsets.UTF_8);
        boolean matches = false;
        for (SecretKeySpec secret : secrets) {
            // No early exit: the time taken does not say which secret matched.
            matches |= MessageDigest.isEqual(given, WebhookSignature.sign(secret, message));
        }
        if (!matches) {
            throw new AppProxySignatureException("signature does not match");
        }
        long timestamp;
        try {
            timestamp = Long.parseLong(params.getOrDefault("timestamp", ""));
        } catch (NumberFormatException e) {
            throw new AppProxySignatureException("timestamp missing or not a number");
        }
        long now = clock.instant().getEpochSecond();
        if (Math.abs(now - timestamp) > TOLERANCE.toSeconds()) {
            throw new AppProxySignatureException("timestamp outside " + TOLERANCE.toSeconds() + " s of now");
        }
        String shop = params.get("shop");
        if (shop == null || !SHOP_DOMAIN.matcher(shop).matches()) {
            throw new AppProxySignatureException("shop missing or not a myshopify.com domain");
        }
        String customer = params.get("logged_in_customer_id");
        return new ProxyRequest(shop, customer == null || customer.isEmpty() ? null : customer, Map.copyOf(params));
    }

    /**
     * The {@code signature} Shopify would add to {@code params} (every parameter but the signature,
     * values decoded): for the storefront test page, which stands in for Shopify's app proxy.
     */
    public static String signature(Map<String, String> params, String secret) {
        byte[] message = message(params).getBytes(StandardCharsets.UTF_8);
        return HexFormat.of().formatHex(WebhookSignature.sign(key(secret), message));
    }

    private static SecretKeySpec key(String secret) {
        return new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    /** What the signature covers, exactly as Shopify builds it. */
    static String message(Map<String, String> params) {
        StringBuilder message = new StringBuilder();
        new TreeMap<>(params)
                .forEach((key, value) -> message.append(key).append('=').append(value));
        return message.toString();
    }

    private static Map<String, String> merged(String rawQuery) {
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key;
            String value;
            try {
                key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw new AppProxySignatureException("query is not URL-encoded properly");
            }
            if (params.containsKey(key) && SINGLE.contains(key)) {
                throw new AppProxySignatureException("parameter " + key + " is repeated");
            }
            params.merge(key, value, (first, next) -> first + "," + next);
        }
        return params;
    }

    /**
     * A verified app proxy request.
     *
     * @param shop the shop's myshopify.com domain
     * @param loggedInCustomerId the signed-in customer's id, null for an anonymous visitor
     * @param parameters every signed parameter but {@code signature}
     */
    public record ProxyRequest(String shop, String loggedInCustomerId, Map<String, String> parameters) {

        /**
         * Whether a parameter's name or value holds a control character: nothing Shopify's proxy or
         * the widget sends has one, and a NUL (a signed {@code %00}) would reach PostgreSQL's text,
         * which refuses it. Callers answer 400 for these, after the signature, before any read.
         */
        public boolean hasControlCharacters() {
            return parameters.entrySet().stream()
                    .anyMatch(p -> hasControlCharacter(p.getKey()) || hasControlCharacter(p.getValue()));
        }
    }

    /** Whether the text holds a C0 or C1 control character or DEL (tab and newline included). */
    public static boolean hasControlCharacter(String text) {
        return text.chars().anyMatch(Character::isISOControl);
    }
}
