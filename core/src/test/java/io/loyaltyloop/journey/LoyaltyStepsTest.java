package io.loyaltyloop.journey;

import static io.loyaltyloop.db.Tables.REWARD;
import static io.loyaltyloop.testing.Orders.order;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.loyaltyloop.loyalty.ManualAdjustment;
import io.loyaltyloop.shop.ShopId;
import io.loyaltyloop.testing.Orders;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * POINTS_EARNED and REWARD_UNLOCKED: planned where available points rise (the release job, review
 * credits, manual credits), never by order events. A new shop's starter rewards cost 300 (Free
 * shipping), 500 (5 off) and 1000 (10% off) points; an order earns 1 point per currency unit, released
 * 14 days after payment.
 */
class LoyaltyStepsTest {

    private static final Instant PAID = Instant.parse("2026-11-01T10:00:00Z");
    private static final Instant RELEASE_RUN = Instant.parse("2026-11-16T11:00:00Z");

    private final Journeys j = new Journeys();
    private ShopId shop;

    @BeforeEach
    void shop() {
        shop = j.newShop().id();
    }

    @Test
    void releasingAnOrdersPointsPlansOnePointsEarnedStepDueAtTheRelease() {
        Orders order = releasedTwice("350.00");

        assertThat(j.plan(shop, order.id()))
                .filteredOn(s -> s.startsWith("POINTS_EARNED"))
                .containsExactly("POINTS_EARNED - PLANNED " + RELEASE_RUN);
    }

    @Test
    void anOrderThatEarnedNoPointsGetsNoPointsEarnedStep() {
        Orders free = paid("0.50"); // rounds down to 0 points
        Orders guest = order(shop).guest().line("1", "80.00");
        j.loyalty.apply(guest.paid(PAID));

        j.clock.set(RELEASE_RUN);
        j.loyalty.releaseDuePoints(10_000);

        assertThat(j.plan(shop, free.id())).noneMatch(s -> s.startsWith("POINTS_EARNED"));
        assertThat(j.plan(shop, guest.id())).noneMatch(s -> s.startsWith("POINTS_EARNED"));
    }

    @Test
    void aReleaseThatCrossesARewardsCostUnlocksThatRewardOnly() {
        Orders order = releasedTwice("350.00");

        assertThat(unlocked(order)).containsExactly(tuple("Free shipping", StepStatus.PLANNED, RELEASE_RUN));
    }

    @Test
    void aReviewCreditUnlocksTheRewardsItNewlyAffords() {
        Orders order = paid("350.00");
        j.clock.set(RELEASE_RUN);
        j.loyalty.releaseDuePoints(10_000);
        long customerId = customerId(order);

        j.loyalty.creditReview(shop, customerId, 200, "review:1"); // 350 -> 550
        j.loyalty.creditReview(shop, customerId, 50, "review:2"); // 550 -> 600: nothing new

        assertThat(unlocked(order)).extracting(t -> t.toList().getFirst()).containsExactly("Free shipping", "5 off");
    }

    @Test
    void droppingBelowACostAndCrossingAgainUnlocksAgainOncePerCrossing() {
        Orders order = paid("350.00");
        j.clock.set(RELEASE_RUN);
        j.loyalty.releaseDuePoints(10_000);
        long customerId = customerId(order);

        j.loyalty.adjust(new ManualAdjustment(shop, order.customerId(), -300, "redeemed in store", "merchant"));
        j.loyalty.adjust(new ManualAdjustment(shop, order.customerId(), 100, "goodwill", "merchant")); // 50 -> 150
        j.loyalty.creditReview(shop, customerId, 200, "review:1"); // 150 -> 350

        List<JourneyStep> steps = j.journeys.customerTimeline(shop, customerId);
        assertThat(steps).extracting(JourneyStep::kind).containsOnly(StepKind.REWARD_UNLOCKED);
        assertThat(steps).hasSize(2);
        assertThat(steps.get(0).unlockedReward()).isEqualTo(steps.get(1).unlockedReward());
        assertThat(steps.get(0).subject()).isNotEqualTo(steps.get(1).subject());
    }

    @Test
    void anInactiveRewardIsNeverUnlocked() {
        j.dsl.update(REWARD)
                .set(REWARD.ACTIVE, false)
                .where(REWARD.SHOP_ID.eq(shop.value()))
                .execute();
        Orders order = paid("2000.00");
        j.clock.set(RELEASE_RUN);

        j.loyalty.releaseDuePoints(10_000);

        assertThat(unlocked(order)).isEmpty();
    }

    @Test
    void applyingOrderEventsPlansNoLoyaltySteps() {
        Orders order = paid("2000.00");

        assertThat(j.plan(shop, order.id())).noneMatch(s -> s.startsWith("POINTS_EARNED"));
        assertThat(j.dsl.fetchCount(
                        io.loyaltyloop.db.Tables.JOURNEY_STEP,
                        io.loyaltyloop.db.Tables.JOURNEY_STEP
                                .SHOP_ID
                                .eq(shop.value())
                                .and(io.loyaltyloop.db.Tables.JOURNEY_STEP.KIND.eq("REWARD_UNLOCKED"))))
                .isZero();
    }

    private Orders paid(String amount) {
        Orders order = order(shop).line("1", amount);
        j.loyalty.apply(order.paid(PAID));
        return order;
    }

    /** Paid, then the release job runs twice (a replay must plan nothing new). */
    private Orders releasedTwice(String amount) {
        Orders order = paid(amount);
        j.clock.set(RELEASE_RUN);
        j.loyalty.releaseDuePoints(10_000);
        j.loyalty.releaseDuePoints(10_000);
        return order;
    }

    private long customerId(Orders order) {
        return j.loyalty.customerId(shop, order.customerId());
    }

    /** The customer's REWARD_UNLOCKED steps as (reward name, status, due). */
    private List<org.assertj.core.groups.Tuple> unlocked(Orders order) {
        return j.journeys.customerTimeline(shop, customerId(order)).stream()
                .filter(s -> s.kind() == StepKind.REWARD_UNLOCKED)
                .map(s -> tuple(rewardName(s.unlockedReward()), s.status(), s.dueAt()))
                .toList();
    }

    private String rewardName(long rewardId) {
        return j.dsl.select(REWARD.NAME)
                .from(REWARD)
                .where(REWARD.SHOP_ID.eq(shop.value()))
                .and(REWARD.REWARD_ID.eq(rewardId))
                .fetchSingle(REWARD.NAME);
    }
}
