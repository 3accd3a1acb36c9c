package io.loyaltyloop.shop;

/** No shop with that id or platform key. */
public class ShopNotFoundException extends RuntimeException {

    public ShopNotFoundException(String what) {
        super("no shop " + what);
    }
}
