package io.loyaltyloop.tier;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** A shop's tiers, lowest first. Pure: decides which tier a spend reaches. */
public record TierLadder(List<Tier> tiers) {

    public TierLadder {
        tiers = tiers.stream().sorted(Comparator.comparing(Tier::minSpend)).toList();
    }

    /** The highest tier whose threshold the spend reaches; empty if the shop has no tier for it. */
    public Optional<Tier> tierFor(BigDecimal spend) {
        Tier reached = null;
        for (Tier tier : tiers) {
            if (spend.compareTo(tier.minSpend()) >= 0) {
                reached = tier;
            }
        }
        return Optional.ofNullable(reached);
    }

    public BigDecimal multiplierFor(BigDecimal spend) {
        return tierFor(spend).map(Tier::earnMultiplier).orElse(BigDecimal.ONE);
    }

    /** The next tier above the spend, for "spend X more to reach Gold". */
    public Optional<Tier> nextAbove(BigDecimal spend) {
        return tiers.stream().filter(t -> t.minSpend().compareTo(spend) > 0).findFirst();
    }
}
