package io.loyaltyloop.loyalty;

import java.time.Instant;

/**
 * A customer's points.
 *
 * @param pending earned on orders still inside the return window
 * @param available spendable on rewards
 * @param expiresAt when available points expire without further activity; null if never
 */
public record Balance(
        long pending, long available, long lifetimeEarned, long lifetimeRedeemed, String tier, Instant expiresAt) {}
