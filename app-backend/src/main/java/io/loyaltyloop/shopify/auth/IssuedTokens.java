package io.loyaltyloop.shopify.auth;

import java.time.Instant;

/**
 * An offline token pair as Shopify issued it. The expiry times are null for a non-expiring token.
 *
 * @param scope the granted scopes, comma-separated
 */
record IssuedTokens(
        String accessToken, String scope, Instant accessExpiresAt, String refreshToken, Instant refreshExpiresAt) {

    // Tokens must never reach a log line or an exception message.
    @Override
    public String toString() {
        return "IssuedTokens[scope=" + scope + ", accessExpiresAt=" + accessExpiresAt + ", refreshExpiresAt="
                + refreshExpiresAt + "]";
    }
}
