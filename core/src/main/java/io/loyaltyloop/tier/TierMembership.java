package io.loyaltyloop.tier;

import java.util.List;

/**
 * The ladder with its members, as the admin shows it.
 *
 * @param rungs the tiers, lowest first, each with how many customers are in it
 * @param belowEveryTier customers whose spend reaches no tier (none when the ladder starts at 0):
 *     they earn at multiplier 1
 */
public record TierMembership(List<Rung> rungs, long belowEveryTier) {

    public record Rung(Tier tier, long members) {}
}
