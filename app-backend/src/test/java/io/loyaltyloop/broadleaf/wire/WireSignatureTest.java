package io.loyaltyloop.broadleaf.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The worked example of docs/broadleaf-wire.md, computed here so the document is verifiably right
 * (the same values were also computed independently with Python's hmac module).
 */
class WireSignatureTest {

    static final String SECRET = "ZG9jcyBleGFtcGxlIG9ubHk7IG5ldmVyIGEga2V5ISE";
    static final String BODY = "{\"events\":[{\"id\":\"0b7e6a52-7c1e-4d55-9d0f-1f6f1c0e2a11\",\"sequence\":1041,"
            + "\"type\":\"customer.upserted\",\"occurredAt\":\"2026-11-02T10:15:30Z\","
            + "\"data\":{\"customer\":{\"id\":\"100\",\"email\":\"ada@example.com\"}}}]}";
    static final String BODY_SHA256 = "cc9ce7b3cc41251c0b7ceef510afdb63bfc6402d21c625151b551600665dc0a8";
    static final String SIGNATURE = "v1=3a19445ef53f692c58bc1c4360d2b10a06bd764cea4fecd76697626eb8c28040";

    @Test
    void theDocumentedExampleSignsAsDocumented() {
        String stringToSign = WireSignature.stringToSign(
                "heat-clinic",
                1793614531L,
                "q2Xb7d0m9P4sV1kL8nR3tA",
                "POST",
                "/broadleaf/v1/events",
                BODY.getBytes(StandardCharsets.UTF_8));

        assertThat(stringToSign)
                .isEqualTo("v1\nheat-clinic\n1793614531\nq2Xb7d0m9P4sV1kL8nR3tA\nPOST\n/broadleaf/v1/events\n"
                        + BODY_SHA256);
        assertThat(WireSignature.sign(SECRET, stringToSign)).isEqualTo(SIGNATURE);
        assertThat(WireSignature.matches(List.of("another secret", SECRET), stringToSign, SIGNATURE))
                .isTrue();
        assertThat(WireSignature.matches(List.of("another secret"), stringToSign, SIGNATURE))
                .isFalse();
    }

    @Test
    void anEmptyBodyHashesZeroBytes() {
        assertThat(WireSignature.sha256Hex(new byte[0]))
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }
}
