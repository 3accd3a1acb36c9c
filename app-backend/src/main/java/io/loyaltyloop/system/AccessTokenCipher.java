package io.loyaltyloop.system;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM for the Shopify tokens at rest. Each value gets a random 96-bit nonce, stored in front
 * of its ciphertext; the shop id is the associated data, so a token copied into another shop's row
 * fails to decrypt instead of letting that shop act as this one.
 *
 * <p>Without a key ({@code LOYALTY_TOKEN_KEY} unset) the backend still starts; storing or reading a
 * token then fails with {@link TokenStorageUnavailableException}.
 */
public final class AccessTokenCipher {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKey key;
    private final SecureRandom random = new SecureRandom();

    private AccessTokenCipher(SecretKey key) {
        this.key = key;
    }

    /** @param base64Key 32 bytes, base64; blank = token storage unavailable */
    public static AccessTokenCipher fromBase64(String base64Key) {
        if (base64Key == null || base64Key.isBlank()) {
            return new AccessTokenCipher(null);
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64Key.trim());
        } catch (IllegalArgumentException e) {
            // Never echo the value: it is the key.
            throw new IllegalArgumentException("loyalty.shopify.token-key is not base64");
        }
        if (bytes.length != 32) {
            throw new IllegalArgumentException(
                    "loyalty.shopify.token-key must be 32 bytes (base64), was " + bytes.length + " bytes");
        }
        return new AccessTokenCipher(new SecretKeySpec(bytes, "AES"));
    }

    public boolean available() {
        return key != null;
    }

    public byte[] encrypt(long shopId, String plaintext) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        byte[] sealed = run(Cipher.ENCRYPT_MODE, shopId, nonce, plaintext.getBytes(StandardCharsets.UTF_8));
        return ByteBuffer.allocate(NONCE_BYTES + sealed.length)
                .put(nonce)
                .put(sealed)
                .array();
    }

    public String decrypt(long shopId, byte[] stored) {
        if (stored.length <= NONCE_BYTES) {
            throw new TokenDecryptionException("stored token of shop " + shopId + " is too short");
        }
        byte[] nonce = Arrays.copyOfRange(stored, 0, NONCE_BYTES);
        byte[] sealed = Arrays.copyOfRange(stored, NONCE_BYTES, stored.length);
        return new String(run(Cipher.DECRYPT_MODE, shopId, nonce, sealed), StandardCharsets.UTF_8);
    }

    private byte[] run(int mode, long shopId, byte[] nonce, byte[] input) {
        if (key == null) {
            throw new TokenStorageUnavailableException();
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(ByteBuffer.allocate(Long.BYTES).putLong(shopId).array());
            return cipher.doFinal(input);
        } catch (javax.crypto.AEADBadTagException e) {
            throw new TokenDecryptionException(
                    "stored token of shop " + shopId + " does not decrypt: other key, other shop's row, or altered", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES/GCM is part of every JDK", e);
        }
    }
}
