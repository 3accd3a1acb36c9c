package io.loyaltyloop.loyalty;

import io.loyaltyloop.shop.ShopId;

/** No customer with that host id in the shop. */
public class CustomerNotFoundException extends RuntimeException {

    public CustomerNotFoundException(ShopId shop, String externalId) {
        super("no customer " + externalId + " in " + shop);
    }
}
