package io.loyaltyloop.tier;

import java.math.BigDecimal;

/** A VIP tier: reached at {@code minSpend} over the shop's tier window; multiplies earned points. */
public record Tier(long id, String name, BigDecimal minSpend, BigDecimal earnMultiplier) {}
