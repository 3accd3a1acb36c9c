package io.loyaltyloop.shop;

import java.util.regex.Pattern;

/**
 * The shape a shop's contact address must have: the database checks the same pattern ({@code
 * V11__journey_extras.sql}). A sanity bound, not RFC 5322: one {@code @}, no spaces, a dot in the
 * domain, at most 254 characters.
 */
public final class ContactEmail {

    private static final Pattern SHAPE = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final int MAX_LENGTH = 254;

    private ContactEmail() {}

    public static boolean isValid(String email) {
        return email != null
                && email.length() <= MAX_LENGTH
                && SHAPE.matcher(email).matches();
    }

    /** @return the address, stripped of surrounding blanks */
    static String require(String email) {
        String stripped = email == null ? null : email.strip();
        if (!isValid(stripped)) {
            throw new InvalidContactEmailException();
        }
        return stripped;
    }
}
