package io.loyaltyloop.review;

import io.loyaltyloop.shop.ShopId;
import java.util.List;

/** What the journey asks of reviews when it writes a review request or reminder. */
public interface ReviewInvitations {

    /**
     * The order's reviewable items (one per product, gift cards and refunded lines left out) that
     * its customer has not reviewed yet, each with a fresh signed link; empty when there are none.
     *
     * @param orderId the engine's internal order id
     */
    List<ReviewInvite> invitesFor(ShopId shop, long orderId);

    /**
     * The customer's items still to review, across their orders paid within a review link's
     * validity, newest order first, each with a fresh signed link; for the storefront.
     *
     * @param customerId the engine's internal customer id
     */
    List<PendingReview> pendingFor(ShopId shop, long customerId, int limit);

    /**
     * The same for items a read model fetched itself ({@link OpenReviewItems}), in their order:
     * each with a fresh signed link.
     */
    List<PendingReview> linked(ShopId shop, List<OpenReviewItem> items);

    /** Whether the order's customer has submitted a review for any item of the order. */
    boolean anyReviewSubmitted(ShopId shop, long orderId);
}
