package io.loyaltyloop.loyalty;

import static io.loyaltyloop.db.Tables.SHOP_ORDER;

import io.loyaltyloop.shop.ShopId;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.jooq.DSLContext;

/**
 * "This change would add N points of liability over the last 90 days' orders": recomputes what
 * the recent orders earn under a candidate {@link EarningChange}, with the same arithmetic as the
 * engine, and writes nothing. The orders counted are those that earned: paid in the window, not
 * cancelled, with a customer; each on its eligible amount less refunds.
 */
public class EarningDryRun {

    /** The window the admin's dry run looks back over. */
    public static final Duration WINDOW = Duration.ofDays(90);

    private final DSLContext dsl;
    private final Clock clock;

    public EarningDryRun(DSLContext dsl, Clock clock) {
        this.dsl = dsl;
        this.clock = clock;
    }

    /**
     * @param orders how many orders were recomputed
     * @param currentPoints what they earn under their own terms
     * @param candidatePoints what they would earn under the change
     */
    public record Result(Instant since, int orders, long currentPoints, long candidatePoints) {

        /** Points of liability the change would add (negative: remove). */
        public long addedPoints() {
            return candidatePoints - currentPoints;
        }
    }

    record EarnedOrder(BigDecimal remainingAmount, EarningTerms terms) {}

    public Result dryRun(ShopId shop, EarningChange change) {
        Instant since = clock.instant().minus(WINDOW);
        return recompute(since, earnedSince(shop, since), change);
    }

    /**
     * A change of tier multipliers alone — orders that earned at multiplier x would earn at y —
     * where every order keeps the spend rule it earned under.
     *
     * @throws IllegalArgumentException for a multiplier outside 1–10
     */
    public Result dryRunMultipliers(ShopId shop, Map<BigDecimal, BigDecimal> multipliers) {
        // Validated and normalised as EarningChange does; its rule is not used.
        Map<BigDecimal, BigDecimal> checked =
                new EarningChange(BigDecimal.ONE, Rounding.DOWN, multipliers).multipliers();
        Instant since = clock.instant().minus(WINDOW);
        return recompute(
                since,
                earnedSince(shop, since),
                terms -> terms.withMultiplier(
                        checked.getOrDefault(terms.multiplier().stripTrailingZeros(), terms.multiplier())));
    }

    private List<EarnedOrder> earnedSince(ShopId shop, Instant since) {
        return dsl.select(
                        SHOP_ORDER.ELIGIBLE_AMOUNT,
                        SHOP_ORDER.REFUNDED_AMOUNT,
                        SHOP_ORDER.POINTS_PER_UNIT,
                        SHOP_ORDER.ROUNDING,
                        SHOP_ORDER.EARN_MULTIPLIER)
                .from(SHOP_ORDER)
                .where(SHOP_ORDER.SHOP_ID.eq(shop.value()))
                .and(SHOP_ORDER.PAID_AT.ge(since.atOffset(ZoneOffset.UTC)))
                .and(SHOP_ORDER.CANCELLED_AT.isNull())
                .and(SHOP_ORDER.CUSTOMER_ID.isNotNull())
                .and(SHOP_ORDER.POINTS_PER_UNIT.isNotNull())
                .fetch(r -> new EarnedOrder(
                        r.value1().subtract(r.value2()).max(BigDecimal.ZERO),
                        new EarningTerms(r.value3(), Rounding.valueOf(r.value4()), r.value5())));
    }

    /** The pure part: each order's points under its own terms and under the change. */
    static Result recompute(Instant since, List<EarnedOrder> orders, EarningChange change) {
        return recompute(since, orders, change::applyTo);
    }

    private static Result recompute(Instant since, List<EarnedOrder> orders, UnaryOperator<EarningTerms> change) {
        long current = 0;
        long candidate = 0;
        for (EarnedOrder order : orders) {
            current += order.terms().pointsFor(order.remainingAmount());
            candidate += change.apply(order.terms()).pointsFor(order.remainingAmount());
        }
        return new Result(since, orders.size(), current, candidate);
    }
}
