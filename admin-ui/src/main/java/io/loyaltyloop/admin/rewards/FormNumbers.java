package io.loyaltyloop.admin.rewards;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Numbers as merchants type them in the rewards and tiers forms: plain digits with an optional
 * decimal point — no exponents, signs or thousands separators, so what is stored is what was read.
 */
final class FormNumbers {

    private static final Pattern DECIMAL = Pattern.compile("[0-9]{1,13}(\\.[0-9]{1,12})?");
    private static final Pattern WHOLE = Pattern.compile("[0-9]{1,40}");
    private static final int LONG_DIGITS = 18;

    private FormNumbers() {}

    static String clean(String value) {
        return value == null ? "" : value.strip();
    }

    /** A decimal number, or empty if the text is not one. */
    static Optional<BigDecimal> decimal(String text) {
        return DECIMAL.matcher(text).matches() ? Optional.of(new BigDecimal(text)) : Optional.empty();
    }

    /**
     * A whole number, or empty if the text is not one; a number too long for a {@code long} is
     * answered as {@code Long.MAX_VALUE}, which every bound refuses with its own message.
     */
    static Optional<Long> whole(String text) {
        if (!WHOLE.matcher(text).matches()) {
            return Optional.empty();
        }
        String digits = text.replaceFirst("^0+(?=.)", "");
        return Optional.of(digits.length() > LONG_DIGITS ? Long.MAX_VALUE : Long.parseLong(digits));
    }
}
