package io.loyaltyloop.review;

/**
 * One item of an order its customer can still review, with the signed link to the review form.
 *
 * @param productId the host's product id
 * @param url absolute link to {@code /r/{token}}, valid for 180 days and usable once
 */
public record ReviewInvite(String productId, String title, String url) {}
