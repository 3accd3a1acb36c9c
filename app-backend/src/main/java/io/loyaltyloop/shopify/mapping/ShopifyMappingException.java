package io.loyaltyloop.shopify.mapping;

/**
 * A delivery that cannot become engine events as it is (missing id, unparseable amount, unknown
 * topic, an event the engine would reject). Retrying will not help: the worker parks it.
 */
public class ShopifyMappingException extends RuntimeException {

    public ShopifyMappingException(String message) {
        super(message);
    }

    public ShopifyMappingException(String message, Throwable cause) {
        super(message, cause);
    }
}
