package io.loyaltyloop.storefront;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Queries as Shopify's app proxy forwards them: the proxy's parameters, then its signature (public
 * for other features' tests that read the storefront, e.g. the review fuzz test).
 */
public final class ProxyQueries {

    private ProxyQueries() {}

    /**
     * @param extra the widget's own parameters, each ending in {@code &} ({@code "amount=12.50&"})
     * @param customerId the signed-in customer's id, empty for a guest
     */
    public static String signed(String secret, String shop, String customerId, long timestamp, String extra) {
        return sign(secret, unsigned(shop, customerId, timestamp, extra));
    }

    public static String unsigned(String shop, String customerId, long timestamp, String extra) {
        return extra + "logged_in_customer_id=" + customerId + "&path_prefix="
                + URLEncoder.encode("/apps/loyalty", StandardCharsets.UTF_8) + "&shop=" + shop + "&timestamp="
                + timestamp;
    }

    public static String sign(String secret, String query) {
        return query + "&signature=" + AppProxySignatureTest.sign(secret, query);
    }
}
