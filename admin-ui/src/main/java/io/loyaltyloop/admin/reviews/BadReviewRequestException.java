package io.loyaltyloop.admin.reviews;

/** A parameter of the Reviews screen that no form of ours sends: 400, with what was wrong. */
class BadReviewRequestException extends RuntimeException {

    BadReviewRequestException(String message) {
        super(message);
    }

    /** {@code value} as a whole number from {@code min} to {@code max}; null when absent or blank. */
    static Long bounded(String name, String value, long min, long max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            long parsed = Long.parseLong(value.strip());
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // answered below, as every other bad value
        }
        String shown = value.length() > 20 ? value.substring(0, 20) + "…" : value;
        throw new BadReviewRequestException(
                name + " must be a whole number from " + min + " to " + max + " (got \"" + shown + "\")");
    }
}
