package io.loyaltyloop.shopify;

/**
 * The offline Admin API access token of each installed shop: {@link AccessTokenStore} (token
 * exchange, refresh, encryption at rest); tests may supply a double.
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
