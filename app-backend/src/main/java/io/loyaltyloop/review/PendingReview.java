package io.loyaltyloop.review;

/**
 * An item a customer bought and has not reviewed yet, as the storefront prompts for it.
 *
 * @param productId the host's product id
 * @param orderName the host's order name ({@code #1001}); null when the host sent none
 * @param url absolute, signed link to the review form
 */
public record PendingReview(String productId, String title, String orderName, String url) {}
