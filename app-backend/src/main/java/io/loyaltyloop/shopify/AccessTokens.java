package io.loyaltyloop.shopify;

/**
 * The offline Admin API access token of each installed shop. The real store (OAuth install, token
 * exchange, encryption at rest) comes with the install flow; until then tests supply a double.
 */
public interface AccessTokens {

    /** The token to send for this shop now. */
    String forShop(String shop);

    /**
     * Called once after Shopify answered 401 with {@link #forShop}'s token: obtain a fresh one (e.g.
     * token exchange, or re-read a token rotated by another instance) and return it.
     */
    String refresh(String shop);
}
