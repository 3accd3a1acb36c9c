package io.loyaltyloop.storefront.testpage;

import java.util.List;
import java.util.Map;

/**
 * The test page's product and cart, as the Shopify Liquid objects the blocks read (money in
 * hundredths, as Liquid has it). The cart holds what the "points you'll earn" hint must leave out —
 * a gift card and a cart-level discount — so the page shows the hint's lower bound at work.
 */
final class TestPageBasket {

    static final String VENDOR = "Loyalty Loop Demo";

    private TestPageBasket() {}

    /**
     * A product with two variants at different prices: the hint promises the cheaper one's points.
     * Not a gift card; Shopify's {@code product.gift_card?} is left out because liqp cannot read a
     * name ending in {@code ?} (the block's {@code if} then takes it as false, which is right here).
     */
    static Map<String, Object> product(String productId, String currency) {
        return Map.of(
                "id",
                productId,
                "title",
                "Aviator sunglasses",
                "vendor",
                VENDOR,
                "type",
                "Sunglasses",
                "gift_card?",
                false,
                "price_label",
                "49.00 " + currency,
                "variants",
                List.of(Map.of("price", 4900, "sku", "AVIATOR-GOLD"), Map.of("price", 5900, "sku", "AVIATOR-BLACK")));
    }

    /** Sunglasses 49.00, a case 54.50 and a 25.00 gift card, less 5.00 off the cart: 123.50. */
    static Map<String, Object> cart(String productId, String currency) {
        List<Map<String, Object>> items = List.of(
                item(4900, productId, "AVIATOR-GOLD", "Sunglasses", false),
                item(5450, "788032119674292901", "CASE-TRAVEL", "Accessories", false),
                item(2500, "788032119674292902", "GIFT-25", "Gift card", true));
        return Map.of(
                "currency",
                Map.of("iso_code", currency),
                "taxes_included",
                false,
                "item_count",
                items.size(),
                "items",
                items,
                "items_subtotal_price",
                12850,
                "total_price",
                12350,
                "total_label",
                "123.50 " + currency);
    }

    private static Map<String, Object> item(
            int finalLinePrice, String productId, String sku, String productType, boolean giftCard) {
        return Map.of(
                "final_line_price", finalLinePrice,
                "product_id", productId,
                "sku", sku,
                "vendor", VENDOR,
                "product", Map.of("type", productType),
                "gift_card", giftCard);
    }
}
