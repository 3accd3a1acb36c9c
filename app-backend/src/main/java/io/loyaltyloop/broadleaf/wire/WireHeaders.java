package io.loyaltyloop.broadleaf.wire;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/** The {@code X-Loyalty-*} headers, and those the backend sends on its own calls to a site. */
public final class WireHeaders {

    public static final String WIRE = "X-Loyalty-Wire";
    public static final String SITE = "X-Loyalty-Site";
    public static final String TIMESTAMP = "X-Loyalty-Timestamp";
    public static final String NONCE = "X-Loyalty-Nonce";
    public static final String SIGNATURE = "X-Loyalty-Signature";

    /** The wire version this backend speaks. */
    public static final String WIRE_VERSION = "1";

    private static final SecureRandom RANDOM = new SecureRandom();

    private WireHeaders() {}

    /** A fresh nonce: 16 random bytes, base64url without padding (22 characters). */
    public static String nonce() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /**
     * The headers of a signed request, in the order they are listed in the contract.
     *
     * @param pathAndQuery the path as it goes on the wire, with {@code ?query} if any
     */
    public static Map<String, String> signed(
            String siteId, String secret, Instant now, String method, String pathAndQuery, byte[] body) {
        long timestamp = now.getEpochSecond();
        String nonce = nonce();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(WIRE, WIRE_VERSION);
        headers.put(SITE, siteId);
        headers.put(TIMESTAMP, Long.toString(timestamp));
        headers.put(NONCE, nonce);
        headers.put(
                SIGNATURE,
                WireSignature.sign(
                        secret, WireSignature.stringToSign(siteId, timestamp, nonce, method, pathAndQuery, body)));
        return headers;
    }
}
