package io.loyaltyloop.shopify.auth;

/**
 * A verified App Bridge session token: which shop's admin it came from and which staff user.
 *
 * @param shop the shop's myshopify.com domain ({@code dest} without {@code https://})
 * @param user the staff user id ({@code sub})
 */
record SessionToken(String shop, String user) {}
