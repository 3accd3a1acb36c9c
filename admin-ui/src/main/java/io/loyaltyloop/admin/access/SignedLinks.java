package io.loyaltyloop.admin.access;

import java.time.Instant;
import java.util.Optional;

/**
 * The port through which the admin signs short-lived links that authorize themselves — a download
 * the embedded admin opens as a plain navigation, which carries no session token. app-backend
 * implements it with its link signer (HMAC-SHA256, key from {@code loyalty.links.key}); a
 * token made for one purpose never verifies for another. Without an implementation such links are
 * not offered.
 */
public interface SignedLinks {

    /** @param payload what the link carries; must not contain {@code |} */
    String sign(String purpose, String payload, Instant expiresAt);

    /** The payload, if the token is well formed, signed for this purpose and not expired at {@code now}. */
    Optional<String> verify(String purpose, String token, Instant now);
}
