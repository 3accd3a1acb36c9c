package io.loyaltyloop.review;

import io.loyaltyloop.shop.ShopId;

/** No review with this id in this shop. */
public class ReviewNotFoundException extends RuntimeException {

    public ReviewNotFoundException(ShopId shop, long reviewId) {
        super("review " + reviewId + " not found in " + shop);
    }
}
