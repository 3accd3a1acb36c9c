package io.loyaltyloop.shopify.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.function.UnaryOperator;

/** App Bridge session tokens as Shopify makes them, for a shop, signed with a given secret. */
public final class SessionTokens {

    public static final String API_KEY = "test-api-key";

    private SessionTokens() {}

    /** The claims of a token issued at {@code now} for {@code shop}, valid for Shopify's one minute. */
    public static JWTClaimsSet.Builder claims(String shop, Instant now) {
        return new JWTClaimsSet.Builder()
                .issuer("https://" + shop + "/admin")
                .claim("dest", "https://" + shop)
                .audience(API_KEY)
                .subject("42")
                .expirationTime(Date.from(now.plusSeconds(60)))
                .notBeforeTime(Date.from(now))
                .issueTime(Date.from(now))
                .jwtID("jti-" + now.toEpochMilli())
                .claim("sid", "session-1");
    }

    public static String token(String secret, String shop, Instant now) {
        return sign(secret, claims(shop, now).build());
    }

    public static String token(String secret, String shop, Instant now, UnaryOperator<JWTClaimsSet.Builder> change) {
        return sign(secret, change.apply(claims(shop, now)).build());
    }

    public static String sign(String secret, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
            jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
