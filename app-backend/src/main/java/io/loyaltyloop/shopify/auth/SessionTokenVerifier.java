package io.loyaltyloop.shopify.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Checks an App Bridge session token (Shopify's "ID token") the way Shopify's own libraries do:
 * HS256 signed with the app's client secret (or the previous one during a rotation), {@code aud}
 * the client id, {@code exp}/{@code nbf} with 10 s leeway, {@code iss} and {@code dest} on the same
 * valid myshopify.com host, and a {@code sub}.
 */
final class SessionTokenVerifier {

    /** What Shopify's JS, Ruby and Python libraries allow for clock drift. */
    static final Duration LEEWAY = Duration.ofSeconds(10);

    private static final Pattern SHOP_DOMAIN = Pattern.compile("^[a-zA-Z0-9][a-zA-Z0-9-]*\\.myshopify\\.com$");

    private final String apiKey;
    private final List<MACVerifier> verifiers;
    private final Clock clock;

    SessionTokenVerifier(String apiKey, List<String> secrets, Clock clock) {
        if (apiKey == null || apiKey.isBlank() || secrets.isEmpty()) {
            throw new IllegalArgumentException("the api key and at least one secret are needed");
        }
        this.apiKey = apiKey;
        this.verifiers = secrets.stream().map(SessionTokenVerifier::verifier).toList();
        this.clock = clock;
    }

    SessionToken verify(String token) {
        SignedJWT jwt;
        JWTClaimsSet claims;
        try {
            jwt = SignedJWT.parse(token);
            claims = jwt.getJWTClaimsSet();
        } catch (ParseException | RuntimeException e) {
            throw new InvalidSessionTokenException("not a signed JWT", e);
        }
        // The header's alg is chosen by whoever made the token: anything but HS256 (none, RS256 with
        // the secret as a "public key") is refused before any signature check.
        if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm())) {
            throw new InvalidSessionTokenException(
                    "alg must be HS256, was " + jwt.getHeader().getAlgorithm());
        }
        if (!signedByUs(jwt)) {
            throw new InvalidSessionTokenException("signature does not match the app secret");
        }
        if (!claims.getAudience().equals(List.of(apiKey))) {
            throw new InvalidSessionTokenException("aud is not this app's api key");
        }
        Instant now = clock.instant();
        Instant expires = instant(claims.getExpirationTime(), "exp");
        if (now.isAfter(expires.plus(LEEWAY))) {
            throw new InvalidSessionTokenException("expired at " + expires);
        }
        Instant notBefore = instant(claims.getNotBeforeTime(), "nbf");
        if (now.isBefore(notBefore.minus(LEEWAY))) {
            throw new InvalidSessionTokenException("not valid before " + notBefore);
        }
        String shop = shopOf(claims);
        String user = claims.getSubject();
        if (user == null || user.isBlank()) {
            throw new InvalidSessionTokenException("sub is missing");
        }
        return new SessionToken(shop, user);
    }

    private boolean signedByUs(SignedJWT jwt) {
        for (MACVerifier verifier : verifiers) {
            try {
                if (jwt.verify(verifier)) {
                    return true;
                }
            } catch (JOSEException e) {
                throw new InvalidSessionTokenException("signature could not be checked", e);
            }
        }
        return false;
    }

    private static String shopOf(JWTClaimsSet claims) {
        String dest = stringClaim(claims, "dest");
        String issuer = claims.getIssuer();
        if (dest == null || issuer == null) {
            throw new InvalidSessionTokenException("iss and dest are required");
        }
        String destHost = host(dest);
        if (!destHost.equals(host(issuer))) {
            throw new InvalidSessionTokenException("iss and dest name different shops");
        }
        // dest is exactly the origin: anything more (path, port, user info) is not Shopify's shape.
        if (!dest.equals("https://" + destHost)
                || !SHOP_DOMAIN.matcher(destHost).matches()) {
            throw new InvalidSessionTokenException("dest is not a myshopify.com shop");
        }
        // Host names are case-insensitive; the shop key and the Admin client expect lower case.
        return destHost.toLowerCase(Locale.ROOT);
    }

    private static String host(String url) {
        try {
            URI uri = new URI(url);
            if (!"https".equals(uri.getScheme()) || uri.getHost() == null) {
                throw new InvalidSessionTokenException("not an https URL: " + url);
            }
            return uri.getHost();
        } catch (java.net.URISyntaxException e) {
            throw new InvalidSessionTokenException("not a URL: " + url, e);
        }
    }

    private static String stringClaim(JWTClaimsSet claims, String name) {
        try {
            return claims.getStringClaim(name);
        } catch (ParseException e) {
            throw new InvalidSessionTokenException(name + " is not a string", e);
        }
    }

    private static Instant instant(Date value, String claim) {
        if (value == null) {
            throw new InvalidSessionTokenException(claim + " is required");
        }
        return value.toInstant();
    }

    private static MACVerifier verifier(String secret) {
        try {
            return new MACVerifier(secret.getBytes(StandardCharsets.UTF_8));
        } catch (JOSEException e) {
            // Nimbus refuses HMAC keys under 256 bits; Shopify's client secrets are longer.
            throw new IllegalArgumentException("the app secret is too short for HS256", e);
        }
    }
}
