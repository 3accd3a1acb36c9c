package io.loyaltyloop.shopify;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks {@code X-Shopify-Hmac-Sha256}: base64(HMAC-SHA256(secret, raw body bytes)). It is computed
 * over the bytes as received, before any parsing, and compared in constant time so that the time a
 * rejection takes says nothing about how much of a forged signature was right.
 */
public final class WebhookSignature {

    private static final String ALGORITHM = "HmacSHA256";

    private final List<SecretKeySpec> keys;

    /** @param secrets every secret currently accepted: the current one and, during rotation, the previous */
    public WebhookSignature(List<String> secrets) {
        if (secrets.isEmpty()) {
            throw new IllegalArgumentException("at least one webhook secret is needed");
        }
        this.keys = secrets.stream()
                .map(secret -> new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM))
                .toList();
    }

    /** Whether the header is the signature of the body under any accepted secret. */
    public boolean matches(byte[] body, String hmacHeader) {
        byte[] claimed;
        try {
            claimed = Base64.getDecoder().decode(hmacHeader.trim());
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
        boolean matched = false;
        // Every key is tried, even after a match, so the time taken does not tell which secret signed.
        for (SecretKeySpec key : keys) {
            matched |= MessageDigest.isEqual(sign(key, body), claimed);
        }
        return matched;
    }

    public static String sign(String secret, byte[] body) {
        return Base64.getEncoder()
                .encodeToString(sign(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM), body));
    }

    /** Raw HMAC-SHA256; Shopify signs webhooks (base64) and OAuth queries (hex) with it. */
    public static byte[] sign(SecretKeySpec key, byte[] body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
