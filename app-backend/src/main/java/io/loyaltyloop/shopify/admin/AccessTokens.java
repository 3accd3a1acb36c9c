package io.loyaltyloop.shopify.admin;

import io.loyaltyloop.shopify.auth.AccessTokenStore;

/**
 * The offline Admin API access token of each installed shop: {@link AccessTokenStore} (token
 * exchange, refresh, encryption at rest); tests may supply a double.
 */
public interface AccessTokens {

    /** The token to send for this shop now. */
    String forShop(String shop);

    /**
     * Called once after Shopify answered 401 to {@code rejectedToken}: obtain a fresh one and return
     * it. If the token held now is no longer the rejected one, another caller already refreshed it
     * and that one is returned, so a burst of 401s costs one refresh.
     */
    String refresh(String shop, String rejectedToken);
}
