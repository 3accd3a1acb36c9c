package io.loyaltyloop.shopify.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Shopify's published OAuth query vectors (secret {@code hush}): the Python library's
 * test/session_test.py, and the Shopify docs example quoted by hexdocs.pm/shopify_oauth and
 * hexdocs.pm/exshopify. Each query is given out of order, with its hmac, as a browser would send it.
 */
class OAuthQuerySignatureTest {

    private final OAuthQuerySignature signature = new OAuthQuerySignature(List.of("hush"));

    @Test
    void acceptsThePythonLibrarysVector() {
        Map<String, String> query = query(
                "timestamp", "1337178173",
                "shop", "some-shop.myshopify.com",
                "code", "a94a110d86d2452eb3e2af4cfb8a3828",
                "hmac", "2cb1a277650a659f1b11e92a4a64275b128e037f2c3390e3c8fd2d8721dac9e2");

        assertThat(OAuthQuerySignature.message(query))
                .isEqualTo("code=a94a110d86d2452eb3e2af4cfb8a3828&shop=some-shop.myshopify.com&timestamp=1337178173");
        assertThat(signature.matches(query)).isTrue();
    }

    @Test
    void acceptsShopifysDocumentedCallbackWithState() {
        Map<String, String> query = query(
                "state", "0.6784241404160823",
                "code", "0907a61c0c8d55e99db179b68161bc00",
                "timestamp", "1337178173",
                "shop", "some-shop.myshopify.com",
                "hmac", "700e2dadb827fcc8609e9d5ce208b2e9cdaab9df07390d2cbca10d7c328fc4bf");

        assertThat(signature.matches(query)).isTrue();
    }

    @Test
    void acceptsTheDocumentedQueryWithoutStateAndIgnoresTheLegacySignatureParameter() {
        Map<String, String> query = query(
                "code", "0907a61c0c8d55e99db179b68161bc00",
                "shop", "some-shop.myshopify.com",
                "timestamp", "1337178173",
                "signature", "6e39a2ea9e497af6cb806720da1f1bf3",
                "hmac", "4712bf92ffc2917d15a2f5a273e39f0116667419aa4b6ac0b3baaf26fa3c4d20");

        assertThat(signature.matches(query)).isTrue();
    }

    @Test
    void refusesAnyChangedParameter() {
        Map<String, String> query = query(
                "code", "a94a110d86d2452eb3e2af4cfb8a3828",
                "shop", "other-shop.myshopify.com",
                "timestamp", "1337178173",
                "hmac", "2cb1a277650a659f1b11e92a4a64275b128e037f2c3390e3c8fd2d8721dac9e2");

        assertThat(signature.matches(query)).isFalse();
    }

    @Test
    void refusesAMissingOrNonHexHmac() {
        Map<String, String> query = query("shop", "some-shop.myshopify.com", "timestamp", "1337178173");
        assertThat(signature.matches(query)).isFalse();

        query.put("hmac", "not hex");
        assertThat(signature.matches(query)).isFalse();

        query.put("hmac", "");
        assertThat(signature.matches(query)).isFalse();
    }

    @Test
    void acceptsThePreviousSecretDuringARotation() {
        Map<String, String> query = query(
                "code", "a94a110d86d2452eb3e2af4cfb8a3828",
                "shop", "some-shop.myshopify.com",
                "timestamp", "1337178173",
                "hmac", "2cb1a277650a659f1b11e92a4a64275b128e037f2c3390e3c8fd2d8721dac9e2");

        assertThat(new OAuthQuerySignature(List.of("new-secret", "hush")).matches(query))
                .isTrue();
        assertThat(new OAuthQuerySignature(List.of("new-secret")).matches(query))
                .isFalse();
    }

    @Test
    void encodesSpacesAsPercent20AndReservedCharactersInKeysAndValues() {
        Map<String, String> query = query("shop", "a b.myshopify.com", "host", "x&y=z+", "timestamp", "1");

        assertThat(OAuthQuerySignature.message(query))
                .isEqualTo("host=x%26y%3Dz%2B&shop=a%20b.myshopify.com&timestamp=1");
    }

    @Test
    void signsWhatItAccepts() {
        Map<String, String> query = query("shop", "some-shop.myshopify.com", "timestamp", "1337178173", "host", "YQ");
        query.put("hmac", OAuthQuerySignature.sign("hush", query));

        assertThat(signature.matches(query)).isTrue();
    }

    private static Map<String, String> query(String... namesAndValues) {
        Map<String, String> query = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            query.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return query;
    }
}
