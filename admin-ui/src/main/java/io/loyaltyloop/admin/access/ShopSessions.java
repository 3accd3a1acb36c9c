package io.loyaltyloop.admin.access;

import io.loyaltyloop.shop.Shop;

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

    /**
     * Installs the shop a verified session names — Shopify's managed install makes the first admin
     * load the install: the session token is exchanged for the shop's offline token, the shop is
     * registered (or reactivated after an uninstall) — and returns it. A shop already installed is
     * returned as it is, without calling Shopify.
     *
     * @param session what {@link #verify} returned for {@code sessionToken}
     * @param sessionToken the same token as sent, which Shopify takes as the exchange's subject
     * @throws ShopInstallException when Shopify refused the exchange or could not be reached, or the
     *     tokens could not be stored; nothing is written then
     */
    Shop install(VerifiedSession session, String sessionToken);

    /** The app's client id, which App Bridge reads from {@code <meta name="shopify-api-key">}. */
    String apiKey();

    /**
     * The app's public origin ({@code application_url}, no trailing slash), which the session token
     * bounce page reloads into; null when it is not configured (no bounce page then).
     */
    String appUrl();

    /**
     * @param shopDomain the shop's myshopify.com domain, lower case
     * @param user Shopify's staff user id ({@code sub})
     */
    record VerifiedSession(String shopDomain, String user) {}
}
