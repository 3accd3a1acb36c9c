package io.loyaltyloop.shopify.admin;

/** A Shopify Admin API call did not succeed; subclasses say how. */
public class ShopifyAdminException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ShopifyAdminException(String message) {
        super(message);
    }

    public ShopifyAdminException(String message, Throwable cause) {
        super(message, cause);
    }
}
