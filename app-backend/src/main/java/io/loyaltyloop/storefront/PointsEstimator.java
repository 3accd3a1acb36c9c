package io.loyaltyloop.storefront;

import io.loyaltyloop.lifecycle.OrderLine;
import io.loyaltyloop.loyalty.BasketTerms;
import io.loyaltyloop.loyalty.EarningService;
import io.loyaltyloop.loyalty.LoyaltyService;
import io.loyaltyloop.loyalty.Standing;
import io.loyaltyloop.shop.Shop;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The points a basket would earn, never more than the ledger then credits: the engine's own line
 * eligibility (gift cards and the shop's exclusions) and its own rate, multiplier and rounding, all
 * from one read of the program ({@link EarningService#basketTerms}). Where the storefront cannot
 * know the engine's exact amount it takes the lower bound:
 *
 * <ul>
 *   <li>a cart-level discount is taken wholly off the earning lines (the order spreads it over all
 *       lines, so those lines lose at most all of it);
 *   <li>tax-inclusive prices are divided by {@link #HIGHEST_TAX} (the engine earns before tax, and
 *       no standard VAT rate is higher), less a cent per line for the order's rounding of tax;
 *   <li>a product's variants are alternatives: the least any of them earns.
 * </ul>
 */
@Component
class PointsEstimator {

    /** 1 + the highest standard VAT rate anywhere (Hungary's 27 %). */
    static final BigDecimal HIGHEST_TAX = new BigDecimal("1.27");

    private static final BigDecimal CENT = new BigDecimal("0.01");

    private final EarningService earning;
    private final LoyaltyService loyalty;

    PointsEstimator(EarningService earning, LoyaltyService loyalty) {
        this.earning = earning;
        this.loyalty = loyalty;
    }

    /**
     * @param customerId the signed-in customer (priced at the multiplier their spend reaches now, the
     *     one an order paid now gets), or null for a guest (the base rule)
     * @throws ProxyProblem 422 {@code other-currency} when the prices are not in the shop's currency:
     *     the ledger earns on shop money, and no rate here converts a presentment price
     */
    long estimate(Shop shop, String customerId, EstimateRequest request) {
        if (!request.currency().equals(shop.currency().getCurrencyCode())) {
            throw new ProxyProblem(
                    HttpStatus.UNPROCESSABLE_CONTENT,
                    "other-currency",
                    "prices in " + request.currency() + ", the shop earns on " + shop.currency());
        }
        BasketTerms terms = earning.basketTerms(shop.id());
        List<BigDecimal> eligible = terms.eligibleAmounts(orderLines(request));
        BigDecimal amount = switch (request.basis()) {
            case CART ->
                eligible.stream().reduce(BigDecimal.ZERO, BigDecimal::add).subtract(request.cartDiscount());
            case CHEAPEST -> eligible.stream().min(BigDecimal::compareTo).orElse(BigDecimal.ZERO);
        };
        if (request.taxesIncluded()) {
            // Less a cent per line: the order rounds each line's tax to the cent, possibly up.
            amount = amount.divide(HIGHEST_TAX, 2, RoundingMode.DOWN)
                    .subtract(CENT.multiply(BigDecimal.valueOf(request.lines().size())));
        }
        // pointsFor grows with the amount, so a lower amount never gives more points.
        return terms.pointsFor(amount.max(BigDecimal.ZERO), multiplier(shop, customerId, terms));
    }

    /** The multiplier the customer's spend reaches now, the one an order paid now is priced with. */
    private BigDecimal multiplier(Shop shop, String customerId, BasketTerms terms) {
        if (customerId == null) {
            return BigDecimal.ONE;
        }
        return loyalty.standing(shop.id(), customerId, terms.tierWindowMonths())
                .map(Standing::tierSpend)
                .map(terms::multiplierFor)
                .orElse(BigDecimal.ONE);
    }

    private static List<OrderLine> orderLines(EstimateRequest request) {
        List<OrderLine> lines = new ArrayList<>();
        for (int i = 0; i < request.lines().size(); i++) {
            EstimateRequest.Line line = request.lines().get(i);
            lines.add(new OrderLine(
                    "estimate-" + i,
                    line.productId(),
                    null,
                    line.sku(),
                    null,
                    line.vendor(),
                    line.productType(),
                    1,
                    line.price(),
                    line.giftCard()));
        }
        return lines;
    }
}
