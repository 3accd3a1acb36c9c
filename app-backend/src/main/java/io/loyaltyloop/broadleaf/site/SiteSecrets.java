package io.loyaltyloop.broadleaf.site;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;

/** The shared secrets' shape: 32 random bytes, base64url without padding (43 characters). */
final class SiteSecrets {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{43}");

    private SiteSecrets() {}

    static String generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** A secret given from outside (bootstrap) must be as strong as a generated one. */
    static String checked(String secret) {
        if (secret == null || !SHAPE.matcher(secret).matches()) {
            throw new InvalidSiteException("a site secret is 43 characters of base64url (32 random bytes)");
        }
        return secret;
    }
}
