package io.loyaltyloop.storefront;

import io.loyaltyloop.loyalty.EarningService;
import io.loyaltyloop.loyalty.LoyaltyService;
import io.loyaltyloop.loyalty.Standing;
import io.loyaltyloop.shop.Shop;
import io.loyaltyloop.shop.ShopService;
import io.loyaltyloop.tier.TierService;
import jakarta.servlet.http.HttpServletRequest;
import java.math.BigDecimal;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /proxy/customer} (the signed-in customer's program state, or a guest's) and {@code GET
 * /proxy/estimate} (the points an amount would earn), reached from the storefront through Shopify's
 * app proxy ({@code /apps/loyalty/…}).
 */
@RestController
class CustomerProxyController {

    /** Up to 1,000,000 with at most two decimals; no sign, no exponent. */
    private static final Pattern AMOUNT = Pattern.compile("\\d{1,7}(\\.\\d{1,2})?");

    private static final BigDecimal MAX_AMOUNT = new BigDecimal("1000000");

    private final StorefrontRequests requests;
    private final StorefrontState state;
    private final ShopService shops;
    private final LoyaltyService loyalty;
    private final TierService tiers;
    private final EarningService earning;

    CustomerProxyController(
            StorefrontRequests requests,
            StorefrontState state,
            ShopService shops,
            LoyaltyService loyalty,
            TierService tiers,
            EarningService earning) {
        this.requests = requests;
        this.state = state;
        this.shops = shops;
        this.loyalty = loyalty;
        this.tiers = tiers;
        this.earning = earning;
    }

    @GetMapping("/proxy/customer")
    ResponseEntity<ProgramState> customer(HttpServletRequest request) {
        StorefrontRequests.Verified verified = requests.verifyKeptProgram(request);
        return ProxyResponses.ok(state.ofInstalled(verified.program(), verified.customerId()));
    }

    /**
     * The engine's own figure ({@link EarningService#estimate}) at the multiplier the customer's
     * spend reaches now, the one an order paid now is priced with; a guest or unknown customer at
     * the base rule.
     */
    @GetMapping("/proxy/estimate")
    ResponseEntity<Estimate> estimate(HttpServletRequest request) {
        StorefrontRequests.Verified verified = requests.verify(request);
        BigDecimal amount = amount(verified.parameter("amount"));
        Shop shop = verified.shop();
        BigDecimal multiplier = BigDecimal.ONE;
        if (verified.customerId() != null) {
            int window = shops.settings(shop.id()).tierWindowMonths();
            multiplier = loyalty.standing(shop.id(), verified.customerId(), window)
                    .map(Standing::tierSpend)
                    .map(spend -> tiers.ladder(shop.id()).multiplierFor(spend))
                    .orElse(BigDecimal.ONE);
        }
        return ProxyResponses.ok(new Estimate(earning.estimate(shop.id(), amount, multiplier)));
    }

    private static BigDecimal amount(String value) {
        if (value == null || !AMOUNT.matcher(value).matches()) {
            throw new ProxyProblem(
                    HttpStatus.BAD_REQUEST,
                    "bad-amount",
                    "amount must be a decimal from 0 to 1000000 with at most two decimals");
        }
        BigDecimal amount = new BigDecimal(value);
        if (amount.compareTo(MAX_AMOUNT) > 0) {
            throw new ProxyProblem(HttpStatus.BAD_REQUEST, "bad-amount", "amount must be at most 1000000");
        }
        return amount;
    }

    record Estimate(long points) {}
}
