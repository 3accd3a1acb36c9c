package io.loyaltyloop.tier;

import io.loyaltyloop.shop.ShopId;

/**
 * Puts every customer of the shop in the tier their spend over the tier window reaches now, in the
 * caller's transaction. The loyalty engine implements it (the same statement as its daily
 * re-tiering); a port so that {@code tier} does not depend on {@code loyalty}, which depends on it.
 */
@FunctionalInterface
public interface TierRefresh {

    /** Returns how many customers changed tier. */
    int refresh(ShopId shop);
}
