package io.loyaltyloop.admin.reviews;

import io.loyaltyloop.shop.ShopId;
import java.time.Instant;
import java.util.List;

/**
 * The port through which the Reviews screen reads and moderates a shop's reviews. app-backend
 * implements it beside its review feature (the auto-publish rule, the incentive through the ledger,
 * the audit entries); without an implementation the screen says reviews are unavailable.
 *
 * <p>Every method is for one shop; an id of another shop is unknown ({@link UnknownReviewsException}).
 * Approving a published review and rejecting a rejected one change nothing and are no error.
 */
public interface ReviewModeration {

    /** At most {@code filter.limit()} reviews matching the filter, newest first. */
    List<Row> queue(ShopId shop, Filter filter);

    /** How many reviews match the filter's rating, product, text and dates, per status. */
    Counts counts(ShopId shop, Filter filter);

    /** @throws UnknownReviewsException when the shop has no such review */
    Row get(ShopId shop, long reviewId);

    /** Products that have reviews, by title, for the product filter (at most {@code limit}). */
    List<Product> products(ShopId shop, int limit);

    /** Publishes the review and credits its incentive (once per review, whatever happens later). */
    Row approve(ShopId shop, long reviewId, String actor);

    /** Takes the review off (or keeps it from) the storefront; the reason is 1–500 characters. */
    Row reject(ShopId shop, long reviewId, String reason, String actor);

    /** Sets the public reply (1–5000 characters); null removes it. */
    Row reply(ShopId shop, long reviewId, String reply, String actor);

    /**
     * Approves every review of the list, or none: one unknown id and nothing changes. Answers how
     * many changed (those published already are left as they are).
     */
    int approveAll(ShopId shop, List<Long> reviewIds, String actor);

    /** Rejects every review of the list with the reason, or none; answers how many changed. */
    int rejectAll(ShopId shop, List<Long> reviewIds, String reason, String actor);

    Settings settings(ShopId shop);

    /** @throws IllegalArgumentException when a value is out of the engine's bounds; nothing is saved */
    void updateSettings(ShopId shop, Settings settings, String actor);

    enum Status {
        PENDING,
        PUBLISHED,
        REJECTED
    }

    /**
     * What the queue shows.
     *
     * @param status null for every status
     * @param rating a star count 1–5, null for any
     * @param productId null for every product
     * @param text matched case-insensitively as a substring of title or body; null for any
     * @param submittedFrom inclusive, null for no lower bound
     * @param submittedBefore exclusive, null for no upper bound
     */
    record Filter(
            Status status,
            Integer rating,
            String productId,
            String text,
            Instant submittedFrom,
            Instant submittedBefore,
            int limit,
            int offset) {}

    /**
     * One review as the merchant moderates it. Text exactly as typed: escape it when shown.
     *
     * @param customerName the customer's name as the shop stores it; null when unknown or redacted
     * @param redacted the customer asked to be erased: no text, no name, only the rating remains
     */
    record Row(
            long reviewId,
            int rating,
            String title,
            String body,
            String displayName,
            String customerName,
            String customerEmail,
            boolean redacted,
            String productId,
            String productTitle,
            String orderName,
            boolean verifiedBuyer,
            boolean incentivized,
            Instant submittedAt,
            Status status,
            String rejectReason,
            String reply) {}

    record Counts(long pending, long published, long rejected) {
        public long all() {
            return pending + published + rejected;
        }
    }

    record Product(String productId, String title) {}

    /** The shop's review rules, as the engine holds them. */
    record Settings(
            boolean autoPublish,
            int autoPublishMinRating,
            List<String> blockedWords,
            long incentivePoints,
            int incentiveMonthlyCap) {}
}
