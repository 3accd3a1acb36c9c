package io.loyaltyloop.admin.rewards;

import io.loyaltyloop.tier.TierMembership;
import java.util.Currency;

/** One rung of the tiers table, formatted for the shop. */
record TierRow(long id, String name, String minSpend, String multiplier, long members) {

    static TierRow of(TierMembership.Rung rung, Currency currency) {
        var tier = rung.tier();
        return new TierRow(
                tier.id(),
                tier.name(),
                ShownMoney.of(tier.minSpend(), currency),
                "×" + tier.earnMultiplier().stripTrailingZeros().toPlainString(),
                rung.members());
    }
}
