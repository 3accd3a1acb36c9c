package io.loyaltyloop.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LinkSignerTest {

    private static final Instant NOW = Instant.parse("2026-11-01T12:00:00Z");
    private static final Instant LATER = NOW.plusSeconds(3600);

    private final LinkSigner signer = new LinkSigner(randomKey());

    @Test
    void givesBackThePayloadOfItsOwnTokenBeforeExpiry() {
        String token = signer.sign("review", "7:42:p9", LATER);

        assertThat(signer.verify("review", token, NOW)).contains("7:42:p9");
    }

    @Test
    void rejectsAnExpiredToken() {
        String token = signer.sign("review", "7:42:p9", LATER);

        assertThat(signer.verify("review", token, LATER)).isEmpty();
    }

    @Test
    void rejectsATokenMadeForAnotherPurpose() {
        String token = signer.sign("unsubscribe", "7:42", LATER);

        assertThat(signer.verify("review", token, NOW)).isEmpty();
    }

    @Test
    void rejectsATokenSignedWithAnotherKey() {
        String token = new LinkSigner(randomKey()).sign("review", "7:42:p9", LATER);

        assertThat(signer.verify("review", token, NOW)).isEmpty();
    }

    @Test
    void rejectsATamperedPayload() {
        String token = signer.sign("review", "7:42:p9", LATER);
        String forged = signer.sign("review", "7:43:p9", LATER);
        String spliced = forged.substring(0, forged.indexOf('.')) + token.substring(token.indexOf('.'));

        assertThat(signer.verify("review", spliced, NOW)).isEmpty();
    }

    @Test
    void rejectsATokenWithACharacterDroppedThatIsNoLongerBase64() {
        // found by ReviewFormFuzzTest: a part of length 4n + 1 made the decoder throw, a 500
        String token = signer.sign("review", "7:42:p9", LATER);
        int dot = token.indexOf('.');
        for (int at = 0; at < token.length(); at++) {
            String dropped = token.substring(0, at) + token.substring(at + 1);

            assertThat(signer.verify("review", dropped, NOW)).as(dropped).isEmpty();
        }
        assertThat(signer.verify("review", "A" + token.substring(dot), NOW)).isEmpty();
    }

    @Test
    void rejectsAnotherSpellingOfTheSameSignature() {
        String token = signer.sign("review", "7:42:p9", LATER);
        // 32 bytes take 43 base64 characters; the last one's two low bits are unused.
        char last = token.charAt(token.length() - 1);
        int value = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".indexOf(last);
        char respelled = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".charAt(value ^ 1);
        String other = token.substring(0, token.length() - 1) + respelled;

        assertThat(signer.verify("review", other, NOW)).isEmpty();
    }

    @Test
    void rejectsGarbageWithoutThrowing() {
        assertThat(signer.verify("review", null, NOW)).isEmpty();
        assertThat(signer.verify("review", "", NOW)).isEmpty();
        assertThat(signer.verify("review", "a.b", NOW)).isEmpty();
        assertThat(signer.verify("review", "<script>.x", NOW)).isEmpty();
    }

    @Test
    void refusesAShortKeyAndAPayloadThatWouldBeAmbiguous() {
        assertThatThrownBy(() -> new LinkSigner(new byte[16])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> signer.sign("review", "a|b", LATER)).isInstanceOf(IllegalArgumentException.class);
    }

    private static byte[] randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }
}
