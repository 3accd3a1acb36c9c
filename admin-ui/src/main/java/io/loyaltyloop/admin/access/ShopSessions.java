package io.loyaltyloop.admin.access;

/**
 * The port through which the admin checks a Shopify App Bridge session token. app-backend implements
 * it with its session token verifier (HS256 with the app secret or the previous one, {@code aud},
 * {@code exp}/{@code nbf} with leeway, {@code iss}/{@code dest} on one shop), so that admin-ui needs
 * neither the Shopify settings nor a JWT library. Without an implementation (Shopify not configured)
 * every session token is refused.
 */
public interface ShopSessions {

    /**
     * The shop and staff user a session token names.
     *
     * @throws InvalidShopSessionException when Shopify did not sign it for this app, for that shop, now
     */
    VerifiedSession verify(String sessionToken);

    /** The app's client id, which App Bridge reads from {@code <meta name="shopify-api-key">}. */
    String apiKey();

    /**
     * @param shopDomain the shop's myshopify.com domain, lower case
     * @param user Shopify's staff user id ({@code sub})
     */
    record VerifiedSession(String shopDomain, String user) {}
}
