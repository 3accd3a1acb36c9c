package io.loyaltyloop.storefront;

import io.loyaltyloop.shop.Shop;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * The storefront's answers for a caller other than Shopify's app proxy that has already verified
 * itself and named the shop and the customer (the Broadleaf site's signed server-to-server call):
 * the same JSON, status and problems as {@code /proxy/*}, from the same classes.
 */
@Component
public class StorefrontCalls {

    private final StorefrontState state;
    private final StorefrontRedemptions redemptions;
    private final ProductReviewsProxyController reviews;

    StorefrontCalls(StorefrontState state, StorefrontRedemptions redemptions, ProductReviewsProxyController reviews) {
        this.state = state;
        this.redemptions = redemptions;
        this.reviews = reviews;
    }

    /** As {@code GET /proxy/customer}; {@code customerId} null for a guest. */
    public ResponseEntity<?> customer(Shop shop, String customerId) {
        return ProxyResponses.ok(state.of(shop, customerId));
    }

    /** As {@code POST /proxy/rewards/{rewardId}/redeem?request_key=…}. */
    public ResponseEntity<?> redeem(Shop shop, String customerId, String rewardId, String requestKey) {
        try {
            return ProxyResponses.ok(
                    redemptions.redeem(shop, customerId, RedeemProxyController.rewardId(rewardId), requestKey));
        } catch (ProxyProblem problem) {
            return ProxyResponses.problemOf(problem);
        }
    }

    /** As {@code GET /proxy/products/{productId}/reviews[?limit=n]}. */
    public ResponseEntity<?> productReviews(Shop shop, String productId, String limit) {
        return reviews.answer(shop, productId, limit);
    }
}
