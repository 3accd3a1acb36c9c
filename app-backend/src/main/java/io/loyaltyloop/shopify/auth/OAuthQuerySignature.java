package io.loyaltyloop.shopify.auth;

import io.loyaltyloop.shopify.WebhookSignature;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code hmac} Shopify adds to the install request and the OAuth callback: lowercase hex
 * HMAC-SHA256 with the app secret over the query without {@code hmac} and {@code signature}, keys
 * sorted, keys and values form-encoded with a space as {@code %20}, pairs joined with {@code &}.
 */
final class OAuthQuerySignature {

    private static final String ALGORITHM = "HmacSHA256";
    private static final List<String> UNSIGNED = List.of("hmac", "signature");

    private final List<SecretKeySpec> keys;

    /** @param secrets every secret currently accepted: the current one and, during rotation, the previous */
    OAuthQuerySignature(List<String> secrets) {
        if (secrets.isEmpty()) {
            throw new IllegalArgumentException("at least one app secret is needed");
        }
        this.keys = secrets.stream().map(OAuthQuerySignature::key).toList();
    }

    /** Whether {@code hmac} is the signature of the other parameters under any accepted secret. */
    boolean matches(Map<String, String> query) {
        String hmac = query.get("hmac");
        byte[] claimed;
        try {
            claimed = HexFormat.of().parseHex(hmac == null ? "" : hmac);
        } catch (IllegalArgumentException notHex) {
            return false;
        }
        byte[] message = message(query).getBytes(StandardCharsets.UTF_8);
        boolean matched = false;
        // Every key is tried, even after a match, so the time taken does not tell which secret signed.
        for (SecretKeySpec key : keys) {
            matched |= MessageDigest.isEqual(WebhookSignature.sign(key, message), claimed);
        }
        return claimed.length > 0 && matched;
    }

    /** The text Shopify signs: every parameter but the signatures, sorted by key. */
    static String message(Map<String, String> query) {
        return new TreeMap<>(query)
                .entrySet().stream()
                        .filter(parameter -> !UNSIGNED.contains(parameter.getKey()))
                        .map(parameter -> encode(parameter.getKey()) + "=" + encode(parameter.getValue()))
                        .collect(Collectors.joining("&"));
    }

    static String sign(String secret, Map<String, String> query) {
        return HexFormat.of()
                .formatHex(WebhookSignature.sign(key(secret), message(query).getBytes(StandardCharsets.UTF_8)));
    }

    // Shopify's libraries fixed spaces to %20 (never +): a shop or host with a space must still match.
    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static SecretKeySpec key(String secret) {
        return new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
    }
}
