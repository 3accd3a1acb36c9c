package io.loyaltyloop.broadleaf.wire;

import io.loyaltyloop.shopify.WebhookSignature;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.spec.SecretKeySpec;

/**
 * Wire version 1's signature, identical in both directions:
 *
 * <pre>
 * string_to_sign = "v1\n" site "\n" timestamp "\n" nonce "\n" METHOD "\n" path_and_query "\n" hex(sha256(body))
 * X-Loyalty-Signature = "v1=" hex(HMAC-SHA256(utf8(secret), utf8(string_to_sign)))
 * </pre>
 */
public final class WireSignature {

    public static final String VERSION = "v1";

    private static final HexFormat HEX = HexFormat.of();

    private WireSignature() {}

    /**
     * @param pathAndQuery the path as sent on the wire, plus {@code ?} and the raw query if there is one
     * @param body the exact body bytes; empty for none
     */
    public static String stringToSign(
            String siteId, long timestamp, String nonce, String method, String pathAndQuery, byte[] body) {
        return String.join(
                "\n", VERSION, siteId, Long.toString(timestamp), nonce, method, pathAndQuery, sha256Hex(body));
    }

    /** The header value: {@code v1=} and 64 lowercase hex digits. */
    public static String sign(String secret, String stringToSign) {
        return VERSION + "=" + HEX.formatHex(hmac(secret, stringToSign));
    }

    /**
     * Whether {@code header} signs {@code stringToSign} under any of the secrets. Every secret is
     * tried and compared in constant time, so the time taken tells neither how much of a forged
     * signature was right nor which secret matched.
     */
    public static boolean matches(List<String> secrets, String stringToSign, String header) {
        byte[] claimed = header.getBytes(StandardCharsets.US_ASCII);
        boolean matched = false;
        for (String secret : secrets) {
            matched |= MessageDigest.isEqual(sign(secret, stringToSign).getBytes(StandardCharsets.US_ASCII), claimed);
        }
        return matched;
    }

    public static String sha256Hex(byte[] body) {
        try {
            return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static byte[] hmac(String secret, String stringToSign) {
        return WebhookSignature.sign(
                new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"),
                stringToSign.getBytes(StandardCharsets.UTF_8));
    }
}
