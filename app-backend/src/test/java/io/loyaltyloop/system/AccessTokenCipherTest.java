package io.loyaltyloop.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import org.junit.jupiter.api.Test;

public class AccessTokenCipherTest {

    public static String randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    private final AccessTokenCipher cipher = AccessTokenCipher.fromBase64(randomKey());

    @Test
    void decryptsWhatItEncryptedForTheSameShop() {
        byte[] stored = cipher.encrypt(7, "shpat_secret");

        assertThat(cipher.decrypt(7, stored)).isEqualTo("shpat_secret");
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("shpat_secret");
    }

    @Test
    void usesAFreshNonceForEveryValue() {
        assertThat(cipher.encrypt(7, "shpat_secret")).isNotEqualTo(cipher.encrypt(7, "shpat_secret"));
    }

    @Test
    void refusesAValueEncryptedForAnotherShop() {
        byte[] stored = cipher.encrypt(7, "shpat_secret");

        assertThatThrownBy(() -> cipher.decrypt(8, stored)).isInstanceOf(TokenDecryptionException.class);
    }

    @Test
    void refusesAnAlteredValue() {
        byte[] stored = cipher.encrypt(7, "shpat_secret");
        stored[stored.length - 1] ^= 1;

        assertThatThrownBy(() -> cipher.decrypt(7, stored)).isInstanceOf(TokenDecryptionException.class);
    }

    @Test
    void refusesAValueUnderAnotherKey() {
        byte[] stored = AccessTokenCipher.fromBase64(randomKey()).encrypt(7, "shpat_secret");

        assertThatThrownBy(() -> cipher.decrypt(7, stored)).isInstanceOf(TokenDecryptionException.class);
    }

    @Test
    void withoutAKeyIsUnavailableAndSaysWhichVariableToSet() {
        AccessTokenCipher none = AccessTokenCipher.fromBase64("");

        assertThat(none.available()).isFalse();
        assertThatThrownBy(() -> none.encrypt(7, "shpat_secret"))
                .isInstanceOf(TokenStorageUnavailableException.class)
                .hasMessageContaining("LOYALTY_TOKEN_KEY");
    }

    @Test
    void refusesAKeyOfTheWrongLengthWithoutEchoingIt() {
        String shortKey = Base64.getEncoder().encodeToString(new byte[16]);

        assertThatThrownBy(() -> AccessTokenCipher.fromBase64(shortKey))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("32 bytes")
                .hasMessageNotContaining(shortKey);
        assertThatThrownBy(() -> AccessTokenCipher.fromBase64("not base64!"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("not base64!");
    }
}
