package io.loyaltyloop.admin.access;

import io.loyaltyloop.shop.Platform;
import io.loyaltyloop.shop.Shop;
import io.loyaltyloop.shop.ShopService;
import java.util.Locale;
import java.util.Optional;

/**
 * How people name a store when they log in or create an account: a myshopify.com domain names a
 * Shopify shop (case-insensitively), anything else a Broadleaf site id. Uninstalled shops are not found.
 */
public final class StoreKeys {

    private StoreKeys() {}

    public static Optional<Shop> find(ShopService shops, String storeKey) {
        if (storeKey == null || storeKey.isBlank()) {
            return Optional.empty();
        }
        String key = storeKey.trim();
        String lower = key.toLowerCase(Locale.ROOT);
        boolean shopify = lower.endsWith(".myshopify.com");
        return shops.findShop(shopify ? Platform.SHOPIFY : Platform.BROADLEAF, shopify ? lower : key)
                .filter(Shop::active);
    }
}
