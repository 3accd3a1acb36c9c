package io.loyaltyloop.broadleaf.wire;

import io.loyaltyloop.broadleaf.WireFormat;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The wire contract's request signature (both directions, identical):
 *
 * <pre>
 * string_to_sign = "v1" \n site_id \n timestamp \n nonce \n METHOD \n path_and_query \n hex(sha256(body))
 * signature      = "v1=" + hex(HMAC-SHA256(utf8(secret), utf8(string_to_sign)))
 * </pre>
 */
public final class WireSignature {

    public static final String WIRE = "X-Loyalty-Wire";
    public static final String SITE = "X-Loyalty-Site";
    public static final String TIMESTAMP = "X-Loyalty-Timestamp";
    public static final String NONCE = "X-Loyalty-Nonce";
    public static final String SIGNATURE = "X-Loyalty-Signature";

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private WireSignature() {}

    /** The five headers for one outgoing request, signed with {@code secret}. */
    public static Map<String, String> headers(
            String siteId, String secret, long unixSeconds, String method, String pathAndQuery, byte[] body) {
        String nonce = newNonce();
        String timestamp = Long.toString(unixSeconds);
        Map<String, String> headers = new LinkedHashMap<String, String>();
        headers.put(WIRE, WireFormat.VERSION);
        headers.put(SITE, siteId);
        headers.put(TIMESTAMP, timestamp);
        headers.put(NONCE, nonce);
        headers.put(SIGNATURE, sign(secret, siteId, timestamp, nonce, method, pathAndQuery, body));
        return headers;
    }

    /** {@code "v1=" + hex(HMAC-SHA256(secret, string_to_sign))}. */
    public static String sign(
            String secret,
            String siteId,
            String timestamp,
            String nonce,
            String method,
            String pathAndQuery,
            byte[] body) {
        String toSign = "v1\n" + siteId + "\n" + timestamp + "\n" + nonce + "\n" + method + "\n" + pathAndQuery + "\n"
                + hex(sha256(body));
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "v1=" + hex(mac.doFinal(toSign.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JRE", e);
        }
    }

    /** Constant-time comparison of two signatures. */
    static boolean same(String expected, String given) {
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }

    /** 16 random bytes, base64url without padding (22 characters). */
    static String newNonce() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static byte[] sha256(byte[] body) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(body == null ? new byte[0] : body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }

    private static String hex(byte[] bytes) {
        char[] out = new char[bytes.length * 2];
        for (int i = 0; i < bytes.length; i++) {
            out[2 * i] = HEX[(bytes[i] >> 4) & 0xf];
            out[2 * i + 1] = HEX[bytes[i] & 0xf];
        }
        return new String(out);
    }
}
