package io.loyaltyloop.review;

/**
 * An item of a customer's order still to review, before its link is signed ({@link
 * ReviewInvitations#linked}).
 *
 * @param orderId the engine's internal order id
 * @param orderName the host's order name; null when the host sent none
 */
public record OpenReviewItem(long orderId, String orderName, String productId, String title) {}
