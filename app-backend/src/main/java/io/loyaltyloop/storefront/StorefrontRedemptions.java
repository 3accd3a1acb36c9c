package io.loyaltyloop.storefront;

import io.loyaltyloop.loyalty.Balance;
import io.loyaltyloop.loyalty.CustomerNotFoundException;
import io.loyaltyloop.loyalty.InsufficientPointsException;
import io.loyaltyloop.loyalty.LoyaltyService;
import io.loyaltyloop.reward.IdempotencyKeyReusedException;
import io.loyaltyloop.reward.Redemption;
import io.loyaltyloop.reward.Reward;
import io.loyaltyloop.reward.RewardNotFoundException;
import io.loyaltyloop.reward.RewardService;
import io.loyaltyloop.shop.Shop;
import io.loyaltyloop.shopify.sync.RewardIssuer;
import io.loyaltyloop.storefront.ProgramState.PointsView;
import java.time.Duration;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * A customer's redeem from the storefront: reserve (the core's idempotent {@link
 * RewardService#redeem}), then create the code in the host store (Shopify, Broadleaf) within {@link
 * #ISSUE_BUDGET}; what is not done by then the issuing sweep finishes, and the answer says RESERVED.
 */
@Component
class StorefrontRedemptions {

    /** The widget's spinner: long enough for Shopify's usual answer, short enough to wait through. */
    static final Duration ISSUE_BUDGET = Duration.ofSeconds(2);

    static final Pattern REQUEST_KEY = Pattern.compile("[A-Za-z0-9_-]{8,64}");

    private final RewardService rewards;
    private final LoyaltyService loyalty;
    private final RewardIssuer issuer;

    StorefrontRedemptions(RewardService rewards, LoyaltyService loyalty, RewardIssuer issuer) {
        this.rewards = rewards;
        this.loyalty = loyalty;
        this.issuer = issuer;
    }

    /**
     * @param requestKey the widget's key for this click; a repeat answers the first answer
     * @throws ProxyProblem for a guest, a bad key, an unknown or inactive reward, too few points or
     *     a key used before for another reward; nothing is written then
     */
    Redeemed redeem(Shop shop, String customerId, long rewardId, String requestKey) {
        if (customerId == null) {
            throw new ProxyProblem(HttpStatus.FORBIDDEN, "sign-in-required", "sign in to redeem rewards");
        }
        if (requestKey == null || !REQUEST_KEY.matcher(requestKey).matches() || customerId.length() > 60) {
            throw new ProxyProblem(
                    HttpStatus.BAD_REQUEST,
                    "bad-request-key",
                    "request_key must be 8-64 characters of A-Z a-z 0-9 _ -");
        }
        // Keys are unique per shop in the core; scoping them by customer makes one customer's key
        // unusable, and unguessable, for another.
        String idempotencyKey = "sf:" + customerId + ":" + requestKey;
        Redemption redemption;
        try {
            redemption = rewards.redeem(shop.id(), customerId, rewardId, idempotencyKey);
        } catch (RewardNotFoundException e) {
            throw new ProxyProblem(HttpStatus.NOT_FOUND, "unknown-reward", "no active reward " + rewardId);
        } catch (InsufficientPointsException | CustomerNotFoundException e) {
            throw new ProxyProblem(
                    HttpStatus.CONFLICT, "insufficient-points", "not enough available points for this reward");
        } catch (IdempotencyKeyReusedException e) {
            throw new ProxyProblem(
                    HttpStatus.CONFLICT, "request-key-reused", "request_key was used for another reward");
        }
        if (issuer.issues(shop.platform())) {
            redemption = issuer.issueNow(shop.id(), redemption.id(), ISSUE_BUDGET);
        }
        Balance balance = loyalty.balance(shop.id(), customerId).orElseThrow();
        return new Redeemed(
                redemption.discountCode(),
                redemption.status().name(),
                rewardName(shop, redemption),
                new PointsView(balance.available(), balance.pending(), balance.lifetimeEarned()));
    }

    private String rewardName(Shop shop, Redemption redemption) {
        return rewards.rewards(shop.id()).stream()
                .filter(r -> r.id() == redemption.rewardId())
                .map(Reward::name)
                .findFirst()
                .orElse(null);
    }

    /** The answer to a redeem; {@code status} ISSUED or RESERVED (FAILED if Shopify refused it for good). */
    record Redeemed(String code, String status, String reward, PointsView points) {}
}
