/**
 * The Reviews screen: the moderation queue (filters, counts per status, paging), single and bulk
 * approve / reject, the merchant's reply, and the review settings, through the {@link
 * io.loyaltyloop.admin.reviews.ReviewModeration} port that app-backend's review feature implements.
 */
package io.loyaltyloop.admin.reviews;
