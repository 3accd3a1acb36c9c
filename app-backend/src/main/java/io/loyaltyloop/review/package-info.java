/** Product reviews from verified buyers: the review form, moderation, incentives and ratings. */
package io.loyaltyloop.review;
