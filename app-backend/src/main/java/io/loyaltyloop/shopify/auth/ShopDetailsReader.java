package io.loyaltyloop.shopify.auth;

import io.loyaltyloop.shop.ContactEmail;
import io.loyaltyloop.shop.NewShop;
import io.loyaltyloop.shop.Platform;
import io.loyaltyloop.shopify.admin.AccessTokens;
import io.loyaltyloop.shopify.admin.AdminDocument;
import io.loyaltyloop.shopify.admin.AdminSleeper;
import io.loyaltyloop.shopify.admin.ShopifyAdminClient;
import io.loyaltyloop.shopify.admin.ShopifyAdminException;
import io.loyaltyloop.shopify.admin.ShopifyAdminProperties;
import java.util.Map;

/**
 * Reads what a new shop is registered with — name, currency, time zone, owner's email — from the Admin API, with
 * the token just issued by the exchange: the shop has no row yet, so the token store cannot serve it.
 */
class ShopDetailsReader {

    private final ShopifyAdminProperties properties;
    private final AdminSleeper sleeper;

    ShopDetailsReader(ShopifyAdminProperties properties, AdminSleeper sleeper) {
        this.properties = properties;
        this.sleeper = sleeper;
    }

    NewShop read(String shop, String accessToken) {
        ShopifyAdminClient client = new ShopifyAdminClient(properties, new OneToken(accessToken), sleeper);
        Map<String, Object> details = client.execute(shop, AdminDocument.SHOP_DETAILS, Map.of())
                .field("shop")
                .getValue();
        if (details == null) {
            throw new ShopifyAdminException(
                    AdminDocument.SHOP_DETAILS.operationName() + " on " + shop + " returned no shop");
        }
        // An address our check refuses must not fail the install: merchant alerts are then skipped
        // until the merchant sets one.
        String email = (String) details.get("email");
        return new NewShop(
                Platform.SHOPIFY,
                shop,
                (String) details.get("name"),
                (String) details.get("currencyCode"),
                (String) details.get("ianaTimezone"),
                ContactEmail.isValid(email) ? email : null);
    }

    /** A token just issued: a 401 on it means something is wrong that a refresh would not fix. */
    private record OneToken(String token) implements AccessTokens {

        @Override
        public String forShop(String shop) {
            return token;
        }

        @Override
        public String refresh(String shop, String rejectedToken) {
            return token;
        }
    }
}
