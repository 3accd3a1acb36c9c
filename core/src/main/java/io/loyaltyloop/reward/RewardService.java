package io.loyaltyloop.reward;

import io.loyaltyloop.loyalty.Account;
import io.loyaltyloop.loyalty.EntryKind;
import io.loyaltyloop.loyalty.ExpiryClock;
import io.loyaltyloop.loyalty.InsufficientPointsException;
import io.loyaltyloop.loyalty.Ledger;
import io.loyaltyloop.loyalty.LoyaltyService;
import io.loyaltyloop.loyalty.Posting;
import io.loyaltyloop.shop.ShopId;
import io.loyaltyloop.shop.ShopService;
import io.loyaltyloop.system.Transactions;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;

/**
 * Rewards and redemptions. Redeeming reserves the points and records the redemption in one
 * transaction under the customer's account lock, so concurrent redemptions can never overspend and a
 * refused one leaves nothing behind. Creating the discount in the host store happens afterwards, from
 * the RESERVED redemption, through the host's port.
 */
public class RewardService {

    private final Clock clock;
    private final Transactions transactions;
    private final RewardRepository rewards;
    private final Ledger ledger;
    private final LoyaltyService loyalty;
    private final ShopService shops;
    private final DiscountCodes codes = new DiscountCodes();

    public RewardService(DSLContext dsl, Clock clock) {
        this.clock = clock;
        this.transactions = new Transactions(dsl);
        this.rewards = new RewardRepository(dsl);
        this.ledger = new Ledger(dsl, clock);
        this.loyalty = new LoyaltyService(dsl, clock);
        this.shops = new ShopService(dsl);
    }

    public List<Reward> rewards(ShopId shop) {
        return rewards.activeRewards(shop);
    }

    /** The customer's codes not given back (reserved or issued), newest first, at most {@code limit}. */
    public List<CustomerCode> codes(ShopId shop, String externalCustomerId, int limit) {
        return rewards.codes(shop, externalCustomerId, limit);
    }

    /**
     * Spends the customer's available points on the reward. Repeating a request with the same
     * idempotency key returns the first redemption and spends nothing more.
     *
     * @throws InsufficientPointsException if the available balance is short; nothing is written
     */
    public Redemption redeem(ShopId shop, String externalCustomerId, long rewardId, String idempotencyKey) {
        if (idempotencyKey == null || idempotencyKey.isBlank() || idempotencyKey.length() > 128) {
            throw new IllegalArgumentException("an idempotency key of 1-128 characters is required");
        }
        return transactions.inTransaction(() -> {
            long customerId = loyalty.customerId(shop, externalCustomerId);
            Account account = ledger.lock(shop, customerId);
            Optional<Redemption> earlier = rewards.findByKey(shop, idempotencyKey);
            if (earlier.isPresent()) {
                if (!earlier.get().externalCustomerId().equals(externalCustomerId)
                        || earlier.get().rewardId() != rewardId) {
                    throw new IdempotencyKeyReusedException(idempotencyKey);
                }
                return earlier.get();
            }
            Reward reward = rewards.findActive(shop, rewardId).orElseThrow(() -> new RewardNotFoundException(rewardId));
            if (account.available() < reward.pointsCost()) {
                throw new InsufficientPointsException(account.available(), reward.pointsCost());
            }
            long redemptionId = rewards.insertRedemption(shop, customerId, reward, codes.next(), idempotencyKey);
            Instant now = clock.instant();
            ledger.post(
                    shop,
                    Posting.of(customerId, EntryKind.REDEEM, 0, -reward.pointsCost())
                            .forRedemption(redemptionId)
                            .withActivity(now, expiresAt(shop, now)));
            return rewards.find(shop, redemptionId).orElseThrow();
        });
    }

    /** The host store created the discount. Idempotent. */
    public void markIssued(ShopId shop, long redemptionId, String hostDiscountId) {
        transactions.run(() -> {
            var row = lockReserved(shop, redemptionId);
            if (row.isPresent()) {
                rewards.settle(shop, redemptionId, RedemptionStatus.ISSUED, hostDiscountId, null);
            }
        });
    }

    /** The host store refused the discount for good: the points go back. Idempotent. */
    public void markFailed(ShopId shop, long redemptionId, String reason) {
        transactions.run(() -> {
            Redemption redemption = rewards.find(shop, redemptionId)
                    .orElseThrow(() -> new IllegalArgumentException("no redemption " + redemptionId));
            long customerId = loyalty.customerId(shop, redemption.externalCustomerId());
            ledger.lock(shop, customerId);
            if (lockReserved(shop, redemptionId).isEmpty()) {
                return;
            }
            rewards.settle(shop, redemptionId, RedemptionStatus.FAILED, null, reason);
            ledger.post(
                    shop,
                    Posting.of(customerId, EntryKind.REDEEM_REFUND, 0, redemption.pointsCost())
                            .forRedemption(redemptionId)
                            .withReason(reason, "system"));
        });
    }

    public Optional<Redemption> find(ShopId shop, long redemptionId) {
        return rewards.find(shop, redemptionId);
    }

    private Optional<RedemptionStatus> lockReserved(ShopId shop, long redemptionId) {
        return rewards.lockStatus(shop, redemptionId).filter(status -> status == RedemptionStatus.RESERVED);
    }

    private Instant expiresAt(ShopId shop, Instant now) {
        return ExpiryClock.of(shops.getShop(shop), shops.settings(shop)).expiresAt(now);
    }
}
