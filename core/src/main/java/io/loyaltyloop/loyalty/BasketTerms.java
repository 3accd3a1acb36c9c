package io.loyaltyloop.loyalty;

import io.loyaltyloop.lifecycle.OrderLine;
import java.math.BigDecimal;
import java.util.List;

/**
 * What a basket paid now would earn under, read at once from the shop's program: which lines earn
 * (the engine's own {@link Program#eligible}), the tier multipliers and the spend rule with its
 * rounding. For the storefront's "points you'll earn" hint, so that it never counts a line or a rate
 * the ledger then leaves out.
 */
public final class BasketTerms {

    private final Program program;

    BasketTerms(Program program) {
        this.program = program;
    }

    /** The months of spend that count towards a tier (for the customer's tier spend). */
    public int tierWindowMonths() {
        return program.settings().tierWindowMonths();
    }

    /** The multiplier of the tier {@code tierSpend} reaches. */
    public BigDecimal multiplierFor(BigDecimal tierSpend) {
        return program.ladder().multiplierFor(tierSpend);
    }

    /** Each line's amount where the line would earn, 0 where it would not (a gift card, an exclusion). */
    public List<BigDecimal> eligibleAmounts(List<OrderLine> lines) {
        return lines.stream()
                .map(line -> program.eligible(line) ? line.amount() : BigDecimal.ZERO)
                .toList();
    }

    /** {@link EarningTerms#pointsFor}: rate × multiplier, then the shop's rounding, once. */
    public long pointsFor(BigDecimal eligibleAmount, BigDecimal multiplier) {
        return program.termsWith(multiplier).pointsFor(eligibleAmount);
    }
}
