package io.loyaltyloop.review;

/** Where a review stands in moderation. Only published reviews are shown or counted in ratings. */
public enum ReviewStatus {
    PENDING,
    PUBLISHED,
    REJECTED
}
