package io.loyaltyloop.shopify.sync;

import io.loyaltyloop.reward.Redemption;
import io.loyaltyloop.shop.Platform;
import io.loyaltyloop.shop.Shop;

/**
 * How a reward code is created in one platform's store, for {@link RewardIssuer}: Shopify's discount
 * codes here, Broadleaf's offer codes in {@code broadleaf.issuing}. The issuer owns the schedule,
 * the lease, the backoff and the outcome; a channel only makes one attempt.
 */
public interface RewardCodeChannel {

    Platform platform();

    /**
     * Creates the redemption's code (exactly {@link Redemption#discountCode()}) for its customer, or
     * finds the one an earlier attempt created. Must be idempotent per redemption.
     *
     * @return the host's id of the code, kept on the redemption
     * @throws PermanentIssueFailure when the host refused for good: the points go back
     * @throws RuntimeException anything else is transient and retried with backoff
     */
    String issue(Shop shop, Redemption redemption);
}
