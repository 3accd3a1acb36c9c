package io.loyaltyloop.reward;

import java.security.SecureRandom;

/**
 * Makes discount codes. Random (not derived from ids) so codes cannot be guessed; chosen once when
 * points are reserved, so a retried issue in the host store reuses the same code.
 */
final class DiscountCodes {

    // No 0/O, 1/I/L: codes are read off emails and typed at checkout.
    private static final char[] ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789".toCharArray();
    private static final int LENGTH = 10;
    private final SecureRandom random = new SecureRandom();

    String next() {
        var code = new StringBuilder("LOOP-");
        for (int i = 0; i < LENGTH; i++) {
            code.append(ALPHABET[random.nextInt(ALPHABET.length)]);
        }
        return code.toString();
    }
}
