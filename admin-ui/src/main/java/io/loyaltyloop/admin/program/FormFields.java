package io.loyaltyloop.admin.program;

import java.util.Map;

/** Reading the Program screen's form fields as typed, each refusal recorded under its field. */
final class FormFields {

    private FormFields() {}

    static String text(String value) {
        return value == null ? "" : value.strip();
    }

    /** A checkbox: present (any value) when ticked, absent when not. */
    static boolean ticked(String value) {
        return value != null && !value.isBlank();
    }

    /** {@code value} as a whole number from {@code min} to {@code max}, else null and {@code message}. */
    static Integer whole(Map<String, String> errors, String field, String value, int min, int max, String message) {
        try {
            int parsed = Integer.parseInt(value);
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // refused below like any other value out of range
        }
        errors.put(field, message);
        return null;
    }

    /** The enum constant named {@code value}, else null and {@code message}. */
    static <E extends Enum<E>> E choice(
            Map<String, String> errors, String field, Class<E> type, String value, String message) {
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(value)) {
                return constant;
            }
        }
        errors.put(field, message);
        return null;
    }
}
