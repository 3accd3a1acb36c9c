package io.loyaltyloop.reward;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loyaltyloop.lifecycle.CustomerSnapshot;
import io.loyaltyloop.lifecycle.CustomerUpserted;
import io.loyaltyloop.loyalty.Balance;
import io.loyaltyloop.loyalty.EntryKind;
import io.loyaltyloop.loyalty.InsufficientPointsException;
import io.loyaltyloop.loyalty.LedgerEntry;
import io.loyaltyloop.loyalty.LedgerVerifier;
import io.loyaltyloop.loyalty.LoyaltyService;
import io.loyaltyloop.loyalty.ManualAdjustment;
import io.loyaltyloop.shop.Shop;
import io.loyaltyloop.testing.MutableClock;
import io.loyaltyloop.testing.Shops;
import io.loyaltyloop.testing.TestDatabase;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Redemptions reserve points atomically and can never overspend. */
class RedemptionTest {

    private static final String CUSTOMER = "c-1";
    private final DSLContext dsl = TestDatabase.dsl();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-01T12:00:00Z"));
    private final LoyaltyService loyalty = new LoyaltyService(dsl, clock);
    private final RewardService rewards = new RewardService(dsl, clock);
    private Shop shop;

    @BeforeEach
    void customerWithPoints() {
        shop = Shops.newShop(dsl);
        loyalty.apply(
                new CustomerUpserted(shop.id(), "customer-created", clock.instant(), CustomerSnapshot.ofId(CUSTOMER)));
    }

    @Test
    void newShopsOfferTheThreeDefaultRewards() {
        assertThat(rewards.rewards(shop.id()))
                .extracting(Reward::name, Reward::kind, Reward::pointsCost)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Free shipping", RewardKind.FREE_SHIPPING, 300L),
                        org.assertj.core.groups.Tuple.tuple("5 off", RewardKind.FIXED_AMOUNT, 500L),
                        org.assertj.core.groups.Tuple.tuple("10% off", RewardKind.PERCENTAGE, 1000L));
    }

    @Test
    void redeemingReservesThePointsAndChoosesACode() {
        credit(800);

        Redemption redemption = rewards.redeem(shop.id(), CUSTOMER, reward("5 off"), "key-1");

        assertThat(redemption.status()).isEqualTo(RedemptionStatus.RESERVED);
        assertThat(redemption.discountCode()).matches("LOOP-[A-Z2-9]{10}");
        assertThat(balance().available()).isEqualTo(300);
        assertThat(balance().lifetimeRedeemed()).isEqualTo(500);
    }

    @Test
    void aShortBalanceFailsCleanlyAndWritesNothing() {
        credit(499);

        assertThatThrownBy(() -> rewards.redeem(shop.id(), CUSTOMER, reward("5 off"), "key-1"))
                .isInstanceOf(InsufficientPointsException.class)
                .hasMessage("needs 500 points, 499 available");

        assertThat(balance().available()).isEqualTo(499);
        assertThat(loyalty.ledger(shop.id(), CUSTOMER, 10))
                .extracting(LedgerEntry::kind)
                .containsExactly(EntryKind.ADJUST);
    }

    @Test
    void repeatingARequestWithTheSameKeySpendsOnce() {
        credit(1200);

        Redemption first = rewards.redeem(shop.id(), CUSTOMER, reward("5 off"), "key-1");
        Redemption again = rewards.redeem(shop.id(), CUSTOMER, reward("5 off"), "key-1");

        assertThat(again).isEqualTo(first);
        assertThat(balance().available()).isEqualTo(700);
    }

    @Test
    void reusingAKeyForAnotherRewardIsRefused() {
        credit(2000);
        rewards.redeem(shop.id(), CUSTOMER, reward("5 off"), "key-1");

        assertThatThrownBy(() -> rewards.redeem(shop.id(), CUSTOMER, reward("10% off"), "key-1"))
                .isInstanceOf(IdempotencyKeyReusedException.class);
        assertThat(balance().available()).isEqualTo(1500);
    }

    @Test
    void aRedemptionWithoutAnIdempotencyKeyIsRefusedAndSpendsNothing() {
        credit(2000);

        assertThatThrownBy(() -> rewards.redeem(shop.id(), CUSTOMER, reward("5 off"), " "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("an idempotency key of 1-128 characters is required");
        assertThatThrownBy(() -> rewards.redeem(shop.id(), CUSTOMER, reward("5 off"), "k".repeat(129)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("an idempotency key of 1-128 characters is required");
        assertThat(balance().available()).isEqualTo(2000);
    }

    @Test
    void anUnknownRewardIsRefused() {
        credit(2000);

        assertThatThrownBy(() -> rewards.redeem(shop.id(), CUSTOMER, 999_999_999L, "key-1"))
                .isInstanceOf(RewardNotFoundException.class);
        assertThat(balance().available()).isEqualTo(2000);
    }

    @Test
    void aFailedIssueGivesThePointsBackOnce() {
        credit(600);
        Redemption redemption = rewards.redeem(shop.id(), CUSTOMER, reward("5 off"), "key-1");

        rewards.markFailed(shop.id(), redemption.id(), "discount rejected by host");
        rewards.markFailed(shop.id(), redemption.id(), "discount rejected by host");

        assertThat(balance().available()).isEqualTo(600);
        assertThat(rewards.find(shop.id(), redemption.id()).orElseThrow().status())
                .isEqualTo(RedemptionStatus.FAILED);
    }

    @Test
    void anIssuedRedemptionCannotFailAfterwards() {
        credit(600);
        Redemption redemption = rewards.redeem(shop.id(), CUSTOMER, reward("5 off"), "key-1");

        rewards.markIssued(shop.id(), redemption.id(), "gid://shopify/DiscountCodeNode/1");
        rewards.markFailed(shop.id(), redemption.id(), "late failure");

        assertThat(rewards.find(shop.id(), redemption.id()).orElseThrow().status())
                .isEqualTo(RedemptionStatus.ISSUED);
        assertThat(balance().available()).isEqualTo(100);
    }

    @Test
    void aThousandConcurrentRedemptionsNeverOverspend() throws Exception {
        credit(5_000);
        long freeShipping = reward("Free shipping"); // 300 points: floor(5000 / 300) = 16 can succeed
        ExecutorService pool = Executors.newFixedThreadPool(32);
        List<Callable<Boolean>> attempts = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            String key = "concurrent-" + i;
            attempts.add(() -> {
                try {
                    rewards.redeem(shop.id(), CUSTOMER, freeShipping, key);
                    return true;
                } catch (InsufficientPointsException e) {
                    return false;
                }
            });
        }

        long succeeded = 0;
        for (Future<Boolean> result : pool.invokeAll(attempts)) {
            succeeded += result.get() ? 1 : 0;
        }
        pool.shutdown();

        assertThat(succeeded).isEqualTo(16);
        assertThat(balance().available()).isEqualTo(5_000 - 16 * 300);
        assertThat(new LedgerVerifier(dsl).verify(shop.id(), m -> {}).ok()).isTrue();
    }

    private void credit(long points) {
        loyalty.adjust(new ManualAdjustment(shop.id(), CUSTOMER, points, "welcome bonus", "test@example.com"));
    }

    private long reward(String name) {
        return rewards.rewards(shop.id()).stream()
                .filter(r -> r.name().equals(name))
                .findFirst()
                .orElseThrow()
                .id();
    }

    private Balance balance() {
        return loyalty.balance(shop.id(), CUSTOMER).orElseThrow();
    }
}
