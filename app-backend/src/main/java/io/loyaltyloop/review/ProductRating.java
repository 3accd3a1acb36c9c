package io.loyaltyloop.review;

import java.math.BigDecimal;

/**
 * A product's published reviews in aggregate.
 *
 * @param average mean rating rounded to one decimal, null when there are no reviews
 */
public record ProductRating(String productId, long count, BigDecimal average) {}
