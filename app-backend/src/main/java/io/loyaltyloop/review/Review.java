package io.loyaltyloop.review;

import java.time.Instant;

/**
 * A customer's review of one product of one order, as stored: text exactly as typed (escape it
 * wherever it is shown). Title, body and display name are null after the customer was redacted.
 */
public record Review(
        long reviewId,
        long orderId,
        Long customerId,
        String productId,
        String productTitle,
        int rating,
        String title,
        String body,
        String displayName,
        ReviewStatus status,
        String rejectReason,
        String merchantReply,
        Instant repliedAt,
        boolean verifiedBuyer,
        boolean incentivized,
        Instant submittedAt,
        Instant publishedAt) {

    /** The name shown with the review: the one the customer chose, or a neutral stand-in. */
    public String shownName() {
        return displayName == null || displayName.isBlank() ? "Verified buyer" : displayName;
    }
}
