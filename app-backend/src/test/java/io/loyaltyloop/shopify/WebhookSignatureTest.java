package io.loyaltyloop.shopify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    private static final byte[] BODY = "{\"foo\": \"bar\"}".getBytes(StandardCharsets.UTF_8);

    @Test
    void matchesShopifysPublishedTestVector() {
        WebhookSignature signature = new WebhookSignature(List.of("test_secret_key"));

        assertThat(signature.matches(BODY, "B23tXN681gZ0qIWNRrgtzBE9XSDo5yaUu6wfmhu3a7g="))
                .isTrue();
        assertThat(WebhookSignature.sign("test_secret_key", BODY))
                .isEqualTo("B23tXN681gZ0qIWNRrgtzBE9XSDo5yaUu6wfmhu3a7g=");
    }

    @Test
    void refusesTheVectorsSignatureForAnyOtherBody() {
        WebhookSignature signature = new WebhookSignature(List.of("test_secret_key"));

        // One space less than the signed body: the HMAC is over bytes, not over the JSON value.
        byte[] sameJsonOtherBytes = "{\"foo\":\"bar\"}".getBytes(StandardCharsets.UTF_8);
        assertThat(signature.matches(sameJsonOtherBytes, "B23tXN681gZ0qIWNRrgtzBE9XSDo5yaUu6wfmhu3a7g="))
                .isFalse();
    }

    @Test
    void refusesASignatureMadeWithAnotherSecret() {
        WebhookSignature signature = new WebhookSignature(List.of("test_secret_key"));

        assertThat(signature.matches(BODY, WebhookSignature.sign("other_secret_key", BODY)))
                .isFalse();
    }

    @Test
    void acceptsThePreviousSecretDuringRotation() {
        WebhookSignature signature = new WebhookSignature(List.of("new_secret_key", "test_secret_key"));

        assertThat(signature.matches(BODY, "B23tXN681gZ0qIWNRrgtzBE9XSDo5yaUu6wfmhu3a7g="))
                .isTrue();
        assertThat(signature.matches(BODY, WebhookSignature.sign("new_secret_key", BODY)))
                .isTrue();
    }

    @Test
    void refusesAHeaderThatIsNotBase64OrNotAnHmac() {
        WebhookSignature signature = new WebhookSignature(List.of("test_secret_key"));

        assertThat(signature.matches(BODY, "invalid")).isFalse();
        assertThat(signature.matches(BODY, "")).isFalse();
        assertThat(signature.matches(BODY, "B23tXN681gZ0qIWNRrgtzBE9XSDo5yaUu6wfmhu3a7g"))
                .isTrue();
        assertThat(signature.matches(BODY, "B23tXN681gZ0qIWNRrgtzBE9XSDo5yaUu6wfmhu3a7"))
                .isFalse();
    }

    @Test
    void needsAtLeastOneSecret() {
        assertThatThrownBy(() -> new WebhookSignature(List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
