package io.loyaltyloop.shopify.auth;

import io.loyaltyloop.shopify.WebhookSignature;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseCookie;

/**
 * The OAuth {@code state}: a random nonce sent to Shopify and kept in the merchant's browser, in a
 * cookie that also names the shop, signed so that only we could have set it. The callback must
 * bring back the same nonce for the same shop from the same browser before its code is redeemed;
 * the cookie is then cleared, so the callback cannot be replayed from that browser, and Shopify
 * itself accepts each code once.
 */
final class InstallStateCookie {

    static final String NAME = "loyalty_install_state";

    /**
     * Shopify's libraries allow 60 s; a merchant who must sign in to Shopify first needs longer, and
     * the nonce stays single-use and tied to one shop and browser either way.
     */
    static final Duration LIFETIME = Duration.ofMinutes(5);

    private static final String PATH = "/auth";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;
    private final boolean secure;
    private final Clock clock;

    /**
     * @param appSecret the app's current secret; the cookie's key is derived from it, so every backend
     *     instance accepts what another issued
     * @param secure whether the app is served over https, where the cookie must never travel in clear
     */
    InstallStateCookie(String appSecret, boolean secure, Clock clock) {
        byte[] derived = WebhookSignature.sign(
                new SecretKeySpec(appSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"),
                "loyalty-loop install state cookie".getBytes(StandardCharsets.UTF_8));
        this.key = new SecretKeySpec(derived, "HmacSHA256");
        this.secure = secure;
        this.clock = clock;
    }

    /** A fresh nonce for the shop, and the cookie that binds it to this browser. */
    Issued issue(String shop) {
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String nonce = HexFormat.of().formatHex(random);
        long expires = clock.instant().plus(LIFETIME).getEpochSecond();
        String payload = nonce + ":" + expires + ":" + shop;
        return new Issued(nonce, cookie(payload + ":" + mac(payload), LIFETIME));
    }

    /**
     * Checks that the cookie is ours, unexpired, for this shop, and holds this state.
     *
     * @throws InstallRejectedException 403 otherwise
     */
    void verify(String cookie, String shop, String state) {
        if (cookie == null) {
            throw rejected("no install state cookie: start the install again from Shopify");
        }
        int lastColon = cookie.lastIndexOf(':');
        String[] parts = cookie.split(":", -1);
        if (parts.length != 4
                || !MessageDigest.isEqual(
                        mac(cookie.substring(0, lastColon)).getBytes(StandardCharsets.US_ASCII),
                        cookie.substring(lastColon + 1).getBytes(StandardCharsets.US_ASCII))) {
            throw rejected("the install state cookie is not ours");
        }
        if (clock.instant().isAfter(Instant.ofEpochSecond(Long.parseLong(parts[1])))) {
            throw rejected("the install state expired: start the install again from Shopify");
        }
        if (!parts[2].equals(shop)) {
            throw rejected("the install state is for another shop");
        }
        if (!MessageDigest.isEqual(
                parts[0].getBytes(StandardCharsets.US_ASCII), state.getBytes(StandardCharsets.US_ASCII))) {
            throw rejected("state does not match the install state cookie");
        }
    }

    /** The same cookie, expired: the browser drops it, so the nonce is spent. */
    ResponseCookie cleared() {
        return cookie("", Duration.ZERO);
    }

    private ResponseCookie cookie(String value, Duration maxAge) {
        // Lax: Shopify's redirect back to the callback is a top-level GET, which Lax cookies follow.
        return ResponseCookie.from(NAME, value)
                .path(PATH)
                .httpOnly(true)
                .secure(secure)
                .sameSite("Lax")
                .maxAge(maxAge)
                .build();
    }

    private String mac(String payload) {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(WebhookSignature.sign(key, payload.getBytes(StandardCharsets.UTF_8)));
    }

    private static InstallRejectedException rejected(String message) {
        return new InstallRejectedException(HttpStatus.FORBIDDEN, message);
    }

    /** @param nonce the {@code state} to send to Shopify */
    record Issued(String nonce, ResponseCookie cookie) {}
}
