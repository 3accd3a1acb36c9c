package io.loyaltyloop.shopify.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import io.loyaltyloop.testing.MutableClock;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SessionTokenVerifierTest {

    private static final String SECRET = "a".repeat(64);
    private static final String PREVIOUS = "b".repeat(64);
    private static final String SHOP = "loop-test.myshopify.com";
    private static final Instant NOW = Instant.parse("2026-11-01T12:00:00Z");

    private final MutableClock clock = new MutableClock(NOW);
    private final SessionTokenVerifier verifier =
            new SessionTokenVerifier(SessionTokens.API_KEY, List.of(SECRET, PREVIOUS), clock);

    @Test
    void acceptsATokenShopifySignedForThisAppAndNamesItsShopAndUser() {
        SessionToken session = verifier.verify(SessionTokens.token(SECRET, SHOP, NOW));

        assertThat(session).isEqualTo(new SessionToken(SHOP, "42"));
    }

    @Test
    void acceptsTheSecretBeforeARotation() {
        assertThat(verifier.verify(SessionTokens.token(PREVIOUS, SHOP, NOW)).shop())
                .isEqualTo(SHOP);
    }

    @Test
    void rejectsAnotherSecretsSignature() {
        assertRejected(SessionTokens.token("c".repeat(64), SHOP, NOW), "signature");
    }

    @Test
    void rejectsAnUnsignedToken() {
        String header = Base64URL.encode("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8))
                .toString();
        String payload = SessionTokens.token(SECRET, SHOP, NOW).split("\\.")[1];

        assertRejected(header + "." + payload + ".", "JWT");
    }

    @Test
    void rejectsAnRs256HeaderEvenOverAnHmacOfTheSecret() {
        String[] parts = SessionTokens.token(SECRET, SHOP, NOW).split("\\.");
        String header = Base64URL.encode("{\"alg\":\"RS256\"}".getBytes(StandardCharsets.UTF_8))
                .toString();

        assertRejected(header + "." + parts[1] + "." + parts[2], "alg");
    }

    @Test
    void rejectsATokenForAnotherApp() {
        assertRejected(token(claims -> claims.audience("other-app")), "aud");
    }

    @Test
    void rejectsATokenExpiredBeyondTheLeeway() {
        clock.set(NOW.plusSeconds(60 + 11));

        assertRejected(SessionTokens.token(SECRET, SHOP, NOW), "expired");
    }

    @Test
    void acceptsATokenExpiredWithinTheLeeway() {
        clock.set(NOW.plusSeconds(60 + 10));

        assertThat(verifier.verify(SessionTokens.token(SECRET, SHOP, NOW)).shop())
                .isEqualTo(SHOP);
    }

    @Test
    void rejectsATokenNotYetValidBeyondTheLeeway() {
        assertRejected(token(claims -> claims.notBeforeTime(Date.from(NOW.plusSeconds(11)))), "not valid before");
    }

    @Test
    void acceptsATokenNotYetValidWithinTheLeeway() {
        assertThat(verifier.verify(token(claims -> claims.notBeforeTime(Date.from(NOW.plusSeconds(10))))))
                .isNotNull();
    }

    @Test
    void rejectsIssuerAndDestinationOfDifferentShops() {
        assertRejected(token(claims -> claims.issuer("https://other-shop.myshopify.com/admin")), "different shops");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://evil.example.com",
                "https://-bad.myshopify.com",
                "https://loop-test.myshopify.com.evil.com",
                "http://loop-test.myshopify.com",
                "https://loop-test.myshopify.com:8443",
                "https://loop-test.myshopify.com/path"
            })
    void rejectsADestinationThatIsNotAShopsOrigin(String dest) {
        String host = dest.replaceFirst("^https?://", "").replaceFirst("[:/].*$", "");
        String token = token(claims -> claims.claim("dest", dest).issuer("https://" + host + "/admin"));

        assertThatThrownBy(() -> verifier.verify(token)).isInstanceOf(InvalidSessionTokenException.class);
    }

    @Test
    void rejectsATokenWithoutSubject() {
        assertRejected(token(claims -> claims.subject(null)), "sub");
    }

    @Test
    void rejectsATokenWithoutExpiry() {
        assertRejected(token(claims -> claims.expirationTime(null)), "exp");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "garbage", "a.b.c", "eyJhbGciOiJIUzI1NiJ9.bm90IGpzb24.c2ln"})
    void rejectsMalformedTokens(String token) {
        assertThatThrownBy(() -> verifier.verify(token)).isInstanceOf(InvalidSessionTokenException.class);
    }

    @Test
    void lowerCasesTheShopDomain() {
        String token = token(claims -> claims.issuer("https://Loop-Test.myshopify.com/admin")
                .claim("dest", "https://Loop-Test.myshopify.com"));

        assertThat(verifier.verify(token).shop()).isEqualTo(SHOP);
    }

    private String token(UnaryOperator<JWTClaimsSet.Builder> change) {
        return SessionTokens.token(SECRET, SHOP, NOW, change);
    }

    private void assertRejected(String token, String reason) {
        assertThatThrownBy(() -> verifier.verify(token))
                .isInstanceOf(InvalidSessionTokenException.class)
                .hasMessageContaining(reason);
    }
}
