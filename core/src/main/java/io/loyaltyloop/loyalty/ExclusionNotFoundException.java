package io.loyaltyloop.loyalty;

import io.loyaltyloop.shop.ShopId;

/** No exclusion with that id in the shop (another shop's id is not found either). */
public class ExclusionNotFoundException extends RuntimeException {

    public ExclusionNotFoundException(ShopId shop, long exclusionId) {
        super("no exclusion " + exclusionId + " in " + shop);
    }
}
