package io.loyaltyloop.review;

/**
 * What the moderation list shows: a status (null: all), a product (null: all), a minimum and a
 * maximum rating, newest first, a page of at most 200.
 */
public record ReviewQuery(ReviewStatus status, String productId, int minRating, int maxRating, int limit, int offset) {

    public ReviewQuery {
        if (minRating < 1 || maxRating > 5 || minRating > maxRating) {
            throw new IllegalArgumentException("ratings must be 1 to 5, minimum no more than maximum");
        }
        if (limit < 1 || limit > 200 || offset < 0) {
            throw new IllegalArgumentException("a page holds 1 to 200 reviews from offset 0");
        }
    }

    public static ReviewQuery pending() {
        return new ReviewQuery(ReviewStatus.PENDING, null, 1, 5, 50, 0);
    }

    public static ReviewQuery all() {
        return new ReviewQuery(null, null, 1, 5, 50, 0);
    }
}
