package io.loyaltyloop.shopify.sync;

import io.loyaltyloop.shopify.admin.AdminDocument;
import io.loyaltyloop.shopify.admin.AdminUserErrorsException;
import io.loyaltyloop.shopify.admin.ShopifyAdminClient;
import java.util.List;
import java.util.Map;

/**
 * Mirrors customers' available points onto their Shopify Customer ({@code $app.points}, {@code
 * number_integer}) so the theme and Flow can show them without calling us. Shopify is a copy: the
 * ledger stays the truth, and each write carries the whole balance, so a retried or repeated write
 * is harmless.
 */
public final class AdminPointsMirror {

    /** Shopify's limit of metafields per {@code metafieldsSet} call. */
    public static final int MAX_PER_CALL = 25;

    static final String NAMESPACE = "$app";
    static final String KEY = "points";

    private final ShopifyAdminClient client;

    public AdminPointsMirror(ShopifyAdminClient client) {
        this.client = client;
    }

    /**
     * One customer's balance to write.
     *
     * @param customerId the customer's GID, {@code gid://shopify/Customer/…}
     */
    public record Balance(String customerId, long points) {
        public Balance {
            if (customerId == null || !customerId.startsWith("gid://shopify/Customer/")) {
                throw new IllegalArgumentException("customerId must be a Customer GID: " + customerId);
            }
        }
    }

    /**
     * @param customerId the customer's GID, {@code gid://shopify/Customer/…}
     * @throws AdminUserErrorsException if Shopify refused the value
     */
    public void mirror(String shop, String customerId, long points) {
        mirror(shop, List.of(new Balance(customerId, points)));
    }

    /**
     * Writes up to {@link #MAX_PER_CALL} balances in one atomic call.
     *
     * @throws AdminUserErrorsException if Shopify refused any of them (then none was written); each
     *     error's field starts with {@code metafields, <index>}
     */
    public void mirror(String shop, List<Balance> balances) {
        if (balances.isEmpty() || balances.size() > MAX_PER_CALL) {
            throw new IllegalArgumentException("1 to " + MAX_PER_CALL + " balances a call, not " + balances.size());
        }
        List<Map<String, String>> metafields = balances.stream()
                .map(b -> Map.of(
                        "ownerId",
                        b.customerId(),
                        "namespace",
                        NAMESPACE,
                        "key",
                        KEY,
                        "type",
                        "number_integer",
                        "value",
                        Long.toString(b.points())))
                .toList();
        client.mutate(shop, AdminDocument.POINTS_BALANCE_SET, Map.of("metafields", metafields), "metafieldsSet");
    }
}
