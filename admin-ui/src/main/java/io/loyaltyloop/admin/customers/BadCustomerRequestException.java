package io.loyaltyloop.admin.customers;

/** A parameter of a customers page is out of bounds; the message says which and why (400). */
class BadCustomerRequestException extends RuntimeException {

    BadCustomerRequestException(String message) {
        super(message);
    }

    /** {@code value} as a whole number from {@code min} to {@code max}; {@code fallback} when absent. */
    static int boundedInt(String name, String value, int fallback, int min, int max) {
        long parsed = boundedLong(name, value, fallback, min, max);
        return (int) parsed;
    }

    static long boundedLong(String name, String value, long fallback, long min, long max) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            long parsed = Long.parseLong(value.strip());
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // answered below, as every other bad value
        }
        throw new BadCustomerRequestException(
                name + " must be a whole number from " + min + " to " + max + " (got \"" + abbreviate(value) + "\")");
    }

    private static String abbreviate(String value) {
        return value.length() > 20 ? value.substring(0, 20) + "…" : value;
    }
}
