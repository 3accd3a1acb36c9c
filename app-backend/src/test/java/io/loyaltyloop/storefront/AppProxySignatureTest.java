package io.loyaltyloop.storefront;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * Shopify's app proxy signature. The vectors (secret {@code hush}, timestamp 1317327555) are the
 * public ones collected in the project's Shopify notes (section 5): Shopify's "authenticate app
 * proxies" documentation and the public tests quoting it.
 */
class AppProxySignatureTest {

    private static final Instant SIGNED_AT = Instant.ofEpochSecond(1317327555);
    private static final String COMMON =
            "path_prefix=%2Fapps%2Fawesome_reviews&shop=shop-name.myshopify.com&timestamp=1317327555";

    private final AppProxySignature verifier = at(SIGNED_AT, "hush");

    @Test
    void acceptsShopifysDocumentedSignedRequestWithARepeatedParameter() {
        var request = verifier.verify("extra=1&extra=2&logged_in_customer_id=1&" + COMMON
                + "&signature=4c68c8624d737112c91818c11017d24d334b524cb5c2b8ba08daa056f7395ddb");

        assertThat(request.shop()).isEqualTo("shop-name.myshopify.com");
        assertThat(request.loggedInCustomerId()).isEqualTo("1");
        assertThat(request.parameters()).containsEntry("extra", "1,2").doesNotContainKey("signature");
    }

    @Test
    void acceptsAnAnonymousVisitorWhoseCustomerIdIsEmpty() {
        var request = verifier.verify("extra=1&extra=2&logged_in_customer_id=&" + COMMON
                + "&signature=e072b6d7e6622d85912a5214b860d3100dc1e73d9bc29f43796ac8c9ff8093cb");

        assertThat(request.loggedInCustomerId()).isNull();
    }

    @Test
    void signsKeyNamesLiterallyIncludingBrackets() {
        var request = verifier.verify("extra%5B%5D=1&extra%5B%5D=2&" + COMMON
                + "&signature=6f4b878d5340128aab03a234676dba228432b0b8b72863828ec143e4c5772124");

        assertThat(request.parameters()).containsEntry("extra[]", "1,2");
    }

    @Test
    void acceptsTheOldDocumentedRequestWithoutACustomerId() {
        verifier.verify("extra=1&extra=2&" + COMMON
                + "&signature=a9718877bea71c2484f91608a7eaea1532bdf71f5c56825065fa4ccabe549ef3");
    }

    @Test
    void refusesATamperedParameter() {
        String tampered = "extra=1&extra=2&logged_in_customer_id=2&" + COMMON
                + "&signature=4c68c8624d737112c91818c11017d24d334b524cb5c2b8ba08daa056f7395ddb";

        assertThatThrownBy(() -> verifier.verify(tampered)).hasMessageContaining("does not match");
    }

    @Test
    void refusesARequestOlderOrNewerThanNinetySeconds() {
        String query = "extra=1&extra=2&logged_in_customer_id=1&" + COMMON
                + "&signature=4c68c8624d737112c91818c11017d24d334b524cb5c2b8ba08daa056f7395ddb";

        at(SIGNED_AT.plusSeconds(90), "hush").verify(query);
        assertThatThrownBy(() -> at(SIGNED_AT.plusSeconds(91), "hush").verify(query))
                .hasMessageContaining("timestamp");
        assertThatThrownBy(() -> at(SIGNED_AT.minusSeconds(91), "hush").verify(query))
                .hasMessageContaining("timestamp");
    }

    @Test
    void refusesAMissingOrMalformedSignature() {
        assertThatThrownBy(() -> verifier.verify(COMMON)).hasMessageContaining("signature missing");
        assertThatThrownBy(() -> verifier.verify(COMMON + "&signature=xyz")).hasMessageContaining("signature missing");
        assertThatThrownBy(() -> verifier.verify(null)).hasMessageContaining("signature missing");
    }

    @Test
    void refusesRepeatedShopTimestampSignatureOrHmac() {
        for (String repeated :
                List.of("shop=other.myshopify.com", "timestamp=1317327555", "signature=" + "0".repeat(64), "hmac=1")) {
            String query = signed(COMMON + "&" + repeated + (repeated.startsWith("hmac") ? "&hmac=2" : ""));

            assertThatThrownBy(() -> verifier.verify(query))
                    .as(repeated)
                    .isInstanceOf(AppProxySignatureException.class)
                    .hasMessageContaining("repeated");
        }
    }

    @Test
    void refusesAShopThatIsNotAMyshopifyDomain() {
        String query = signed("shop=evil.example.com&timestamp=1317327555");

        assertThatThrownBy(() -> verifier.verify(query)).hasMessageContaining("myshopify");
    }

    @Test
    void acceptsThePreviousSecretDuringARotationAndRefusesWithoutAnySecret() {
        String query = "extra=1&extra=2&logged_in_customer_id=1&" + COMMON
                + "&signature=4c68c8624d737112c91818c11017d24d334b524cb5c2b8ba08daa056f7395ddb";

        new AppProxySignature(List.of("new-secret", "hush"), Clock.fixed(SIGNED_AT, ZoneOffset.UTC)).verify(query);
        assertThatThrownBy(() -> new AppProxySignature(List.of(), Clock.fixed(SIGNED_AT, ZoneOffset.UTC)).verify(query))
                .hasMessageContaining("not configured");
    }

    /** Signs the query (which has no signature yet) the way Shopify does, with {@code hush}. */
    static String signed(String query) {
        return query + "&signature=" + sign("hush", query);
    }

    static String sign(String secret, String query) {
        var params = new java.util.LinkedHashMap<String, String>();
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String key = java.net.URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            params.merge(key, value, (a, b) -> a + "," + b);
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of()
                    .formatHex(mac.doFinal(AppProxySignature.message(params).getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static AppProxySignature at(Instant now, String secret) {
        return new AppProxySignature(List.of(secret), Clock.fixed(now, ZoneOffset.UTC));
    }
}
