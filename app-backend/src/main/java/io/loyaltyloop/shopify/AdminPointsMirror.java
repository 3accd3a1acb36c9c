package io.loyaltyloop.shopify;

import java.util.Map;

/**
 * Mirrors a customer's available points onto their Shopify Customer ({@code $app:loyalty.points},
 * {@code number_integer}) so the theme and Flow can show them without calling us. Shopify is a
 * copy: the ledger stays the truth, and each write carries the whole balance, so a retried or
 * repeated write is harmless.
 */
public final class AdminPointsMirror {

    private final ShopifyAdminClient client;

    public AdminPointsMirror(ShopifyAdminClient client) {
        this.client = client;
    }

    /**
     * @param customerId the customer's GID, {@code gid://shopify/Customer/…}
     * @throws AdminUserErrorsException if Shopify refused the value
     */
    public void mirror(String shop, String customerId, long points) {
        if (!customerId.startsWith("gid://shopify/Customer/")) {
            throw new IllegalArgumentException("customerId must be a Customer GID: " + customerId);
        }
        client.mutate(
                shop,
                AdminDocument.POINTS_BALANCE_SET,
                Map.of("customerId", customerId, "points", Long.toString(points)),
                "metafieldsSet");
    }
}
