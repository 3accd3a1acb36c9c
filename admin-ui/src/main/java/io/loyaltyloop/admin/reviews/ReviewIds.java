package io.loyaltyloop.admin.reviews;

/** Review ids as they come in URLs and forms. */
final class ReviewIds {

    private ReviewIds() {}

    /** A positive whole number, else {@link BadReviewRequestException} (400). */
    static long parse(String id) {
        Long parsed = BadReviewRequestException.bounded("id", id == null ? "x" : id, 1, Long.MAX_VALUE);
        if (parsed == null) {
            throw new BadReviewRequestException("id must be a whole number from 1");
        }
        return parsed;
    }
}
