package io.loyaltyloop.system;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs the payload of a link sent to a customer (review form, survey, unsubscribe) so that it
 * cannot be forged or altered, and gives it an expiry. The token is URL-safe:
 * {@code base64url(purpose-free payload "|" expiry) "." base64url(HMAC-SHA256)}.
 *
 * <p>The purpose is part of the signed input but not of the token, so a token made for one purpose
 * (an unsubscribe link) never verifies for another (a review form). Single use is the caller's
 * business: it knows what "used" means.
 */
public final class LinkSigner {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{1,2048}\\.[A-Za-z0-9_-]{43}");

    private final SecretKeySpec key;

    public LinkSigner(byte[] key) {
        if (key.length < 32) {
            throw new IllegalArgumentException("link signing key must be at least 32 bytes, was " + key.length);
        }
        this.key = new SecretKeySpec(key.clone(), "HmacSHA256");
    }

    /**
     * @param purpose what the link is for, e.g. {@code review}; fixed per kind of link
     * @param payload what the link carries; must not contain {@code |}
     */
    public String sign(String purpose, String payload, Instant expiresAt) {
        if (payload.indexOf('|') >= 0) {
            throw new IllegalArgumentException("payload must not contain '|'");
        }
        String body = payload + "|" + expiresAt.getEpochSecond();
        return ENCODER.encodeToString(body.getBytes(StandardCharsets.UTF_8)) + "."
                + ENCODER.encodeToString(mac(purpose, body));
    }

    /** The payload, if the token is well formed, signed by this key for this purpose and not expired at {@code now}. */
    public Optional<String> verify(String purpose, String token, Instant now) {
        if (token == null || !TOKEN.matcher(token).matches()) {
            return Optional.empty();
        }
        int dot = token.indexOf('.');
        byte[] bodyBytes;
        byte[] signature;
        try {
            bodyBytes = DECODER.decode(token.substring(0, dot));
            signature = DECODER.decode(token.substring(dot + 1));
        } catch (IllegalArgumentException e) {
            // A part of a length base64 cannot have (4n + 1): a cut or mistyped link, not a 500.
            return Optional.empty();
        }
        // One token per payload: base64's unused low bits of the last character must be zero, or
        // the same link would have several spellings.
        if (!ENCODER.encodeToString(bodyBytes).equals(token.substring(0, dot))
                || !ENCODER.encodeToString(signature).equals(token.substring(dot + 1))) {
            return Optional.empty();
        }
        String body = new String(bodyBytes, StandardCharsets.UTF_8);
        if (!MessageDigest.isEqual(signature, mac(purpose, body))) {
            return Optional.empty();
        }
        int bar = body.lastIndexOf('|');
        long expiresAt;
        try {
            expiresAt = Long.parseLong(body.substring(bar + 1));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        if (now.getEpochSecond() >= expiresAt) {
            return Optional.empty();
        }
        return Optional.of(body.substring(0, bar));
    }

    private byte[] mac(String purpose, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(purpose.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return mac.doFinal(body.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
