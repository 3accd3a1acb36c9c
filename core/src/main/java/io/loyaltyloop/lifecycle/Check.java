package io.loyaltyloop.lifecycle;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;

/** Validation shared by the event records; every failure names the field. */
final class Check {

    static final int MAX_ID_LENGTH = 64;
    static final int MAX_AMOUNT_SCALE = 4;
    static final BigDecimal MAX_AMOUNT = new BigDecimal("99999999999999");

    private Check() {}

    static String id(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidEventException(field + " is missing");
        }
        if (value.length() > MAX_ID_LENGTH) {
            throw new InvalidEventException(field + " is longer than " + MAX_ID_LENGTH + " characters");
        }
        return value;
    }

    static String sourceEventId(String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidEventException("source event id is missing");
        }
        if (value.length() > 200) {
            throw new InvalidEventException("source event id is longer than 200 characters");
        }
        return value;
    }

    static <T> T required(String field, T value) {
        if (value == null) {
            throw new InvalidEventException(field + " is missing");
        }
        return value;
    }

    static BigDecimal amount(String field, BigDecimal value) {
        required(field, value);
        if (value.signum() < 0) {
            throw new InvalidEventException(field + " must not be negative, was " + value.toPlainString());
        }
        if (value.stripTrailingZeros().scale() > MAX_AMOUNT_SCALE) {
            throw new InvalidEventException(field + " has more than " + MAX_AMOUNT_SCALE + " decimal places");
        }
        if (value.compareTo(MAX_AMOUNT) > 0) {
            throw new InvalidEventException(field + " is too large");
        }
        return value;
    }

    static int quantity(String field, int value) {
        if (value < 0) {
            throw new InvalidEventException(field + " must not be negative, was " + value);
        }
        return value;
    }

    static String currency(String field, String code) {
        required(field, code);
        try {
            return Currency.getInstance(code).getCurrencyCode();
        } catch (IllegalArgumentException e) {
            throw new InvalidEventException(field + " is not an ISO 4217 currency code: " + code);
        }
    }

    static <T> List<T> list(String field, List<T> values) {
        required(field, values);
        for (T value : values) {
            required(field + " entry", value);
        }
        return List.copyOf(values);
    }
}
