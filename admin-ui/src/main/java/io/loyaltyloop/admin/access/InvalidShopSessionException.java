package io.loyaltyloop.admin.access;

/** A session token that is not one Shopify signed for this app, for this shop, now. */
public class InvalidShopSessionException extends RuntimeException {

    public InvalidShopSessionException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
