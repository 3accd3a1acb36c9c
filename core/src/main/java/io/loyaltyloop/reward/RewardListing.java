package io.loyaltyloop.reward;

/**
 * A reward as the admin lists it.
 *
 * @param redeemed how many redemptions spent points on it and were not given back (reserved or
 *     issued; failed ones refunded the points)
 */
public record RewardListing(Reward reward, long redeemed) {}
