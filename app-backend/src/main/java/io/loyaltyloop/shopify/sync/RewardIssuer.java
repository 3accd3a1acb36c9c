package io.loyaltyloop.shopify.sync;

import io.loyaltyloop.reward.Redemption;
import io.loyaltyloop.reward.RedemptionStatus;
import io.loyaltyloop.reward.RewardService;
import io.loyaltyloop.shop.Platform;
import io.loyaltyloop.shop.Shop;
import io.loyaltyloop.shop.ShopId;
import io.loyaltyloop.shop.ShopService;
import io.loyaltyloop.system.RetryBackoff;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns RESERVED redemptions into single-use codes in the host store, exactly once: Shopify
 * discount codes, and through the other {@link RewardCodeChannel}s (Broadleaf offer codes) the same
 * schedule, lease, backoff and outcomes for the other platforms.
 *
 * <p>The code was chosen when the points were reserved, and {@link AdminDiscountCodes} treats "code
 * taken" by our own discount for the same customer as an earlier attempt's success, so any retry —
 * after a lost response, a crash, or a lease that ran out during a slow call — ends with one
 * discount. The {@code redemption_issue} lease keeps instances from sending the same redemption at
 * the same time in the first place.
 *
 * <p>Outcomes: created → {@link RewardService#markIssued}; refused by Shopify, shop uninstalled, or
 * a reward Shopify cannot express → {@link RewardService#markFailed} (the points go back);
 * anything else (throttled past the client's retries, 5xx, timeouts, no usable token) → tried again
 * after a doubling, capped backoff, and after {@code maxAttempts} failed for good.
 */
public class RewardIssuer {

    private static final Logger log = LoggerFactory.getLogger(RewardIssuer.class);

    private final RedemptionIssueRepository schedule;
    private final RewardService rewards;
    private final ShopService shops;
    private final Map<Platform, RewardCodeChannel> channels;
    private final RewardIssuingProperties properties;
    private final Clock clock;
    private final Executor background;

    RewardIssuer(
            DSLContext dsl,
            RewardService rewards,
            ShopService shops,
            AdminDiscountCodes codes,
            RewardIssuingProperties properties,
            Clock clock,
            Executor background) {
        this(dsl, rewards, shops, codes, List.of(), properties, clock, background);
    }

    /** @param otherChannels the channels of platforms other than Shopify */
    RewardIssuer(
            DSLContext dsl,
            RewardService rewards,
            ShopService shops,
            AdminDiscountCodes codes,
            List<RewardCodeChannel> otherChannels,
            RewardIssuingProperties properties,
            Clock clock,
            Executor background) {
        Map<Platform, RewardCodeChannel> byPlatform = new EnumMap<>(Platform.class);
        byPlatform.put(Platform.SHOPIFY, new ShopifyCodeChannel(codes));
        otherChannels.forEach(c -> byPlatform.put(c.platform(), c));
        this.channels = Map.copyOf(byPlatform);
        this.schedule = new RedemptionIssueRepository(dsl);
        this.rewards = rewards;
        this.shops = shops;
        this.properties = properties;
        this.clock = clock;
        this.background = background;
    }

    /** One round of the sweep: takes due redemptions and tries each once. Returns how many it took. */
    public int sweepOnce() {
        Instant now = clock.instant();
        schedule.enlist(now, channels.keySet());
        List<RedemptionIssueRepository.Claim> claims =
                schedule.claimDue(now, now.plus(properties.lease()), properties.batchSize());
        claims.forEach(this::attempt);
        return claims.size();
    }

    /**
     * For the storefront's redeem call: tries to issue the redemption now and waits at most {@code
     * budget}. Whatever is not done by then (still being sent, or waiting for a retry) is left to
     * the sweep. Returns the redemption as it stands when the call returns.
     */
    public Redemption issueNow(ShopId shop, long redemptionId, Duration budget) {
        if (!issues(shops.getShop(shop).platform())) {
            throw new IllegalArgumentException("shop " + shop + " is on a platform without reward codes");
        }
        Redemption before = current(shop, redemptionId);
        if (before.status() != RedemptionStatus.RESERVED) {
            return before;
        }
        Instant now = clock.instant();
        Optional<RedemptionIssueRepository.Claim> claim =
                schedule.claim(shop, redemptionId, now, now.plus(properties.lease()));
        if (claim.isPresent()) {
            // On another thread, so the caller's wait is bounded even when Shopify makes the client
            // wait; the attempt goes on after a timeout and records its own outcome.
            CompletableFuture<Void> attempt = CompletableFuture.runAsync(() -> attempt(claim.get()), background);
            try {
                attempt.get(budget.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                log.debug("redemption {} of shop {}: still issuing after {}", redemptionId, shop, budget);
            } catch (ExecutionException e) {
                log.warn(
                        "redemption {} of shop {}: issuing failed: {}",
                        redemptionId,
                        shop,
                        e.getCause().toString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return current(shop, redemptionId);
    }

    /** Whether codes are issued for shops of the platform. */
    public boolean issues(Platform platform) {
        return channels.containsKey(platform);
    }

    private Redemption current(ShopId shop, long redemptionId) {
        return rewards.find(shop, redemptionId)
                .orElseThrow(() -> new IllegalArgumentException("no redemption " + redemptionId + " in shop " + shop));
    }

    private void attempt(RedemptionIssueRepository.Claim claim) {
        ShopId shopId = claim.shop();
        Optional<Redemption> found = rewards.find(shopId, claim.redemptionId());
        if (found.isEmpty() || found.get().status() != RedemptionStatus.RESERVED) {
            return;
        }
        Redemption redemption = found.get();
        Shop shop = shops.getShop(shopId);
        RewardCodeChannel channel = channels.get(shop.platform());
        if (channel == null) {
            return;
        }
        if (!shop.active()) {
            failForGood(claim, "the shop has uninstalled the app");
            return;
        }
        try {
            String codeId = channel.issue(shop, redemption);
            rewards.markIssued(shopId, claim.redemptionId(), codeId);
            schedule.settled(claim, null);
        } catch (PermanentIssueFailure e) {
            failForGood(claim, e.getMessage());
        } catch (RuntimeException e) {
            String error = RetryBackoff.describe(e);
            if (claim.attempt() >= properties.maxAttempts()) {
                failForGood(claim, "gave up after " + claim.attempt() + " attempts; last: " + error);
                return;
            }
            Instant next = clock.instant().plus(properties.backoff().after(claim.attempt()));
            schedule.retryAt(claim, error, next);
            log.info(
                    "redemption {} of shop {}: attempt {} failed, next at {}: {}",
                    claim.redemptionId(),
                    shopId,
                    claim.attempt(),
                    next,
                    error);
        }
    }

    private void failForGood(RedemptionIssueRepository.Claim claim, String reason) {
        String kept = RetryBackoff.truncate(reason);
        rewards.markFailed(claim.shop(), claim.redemptionId(), kept);
        schedule.settled(claim, kept);
        log.warn("redemption {} of shop {} failed, points given back: {}", claim.redemptionId(), claim.shop(), kept);
    }
}
