package io.loyaltyloop.storefront;

import static org.assertj.core.api.Assertions.assertThat;

import io.loyaltyloop.loyalty.Standing;
import io.loyaltyloop.review.ReviewInvitations;
import io.loyaltyloop.reward.Redemption;
import io.loyaltyloop.reward.RewardKind;
import io.loyaltyloop.shop.ShopService;
import io.loyaltyloop.storefront.ProgramState.CodeView;
import io.loyaltyloop.storefront.ProgramState.CustomerView;
import io.loyaltyloop.storefront.ProgramState.PointsView;
import io.loyaltyloop.storefront.ProgramState.ReviewView;
import io.loyaltyloop.testing.Orders;
import io.loyaltyloop.tier.TierDraft;
import io.loyaltyloop.tier.TierService;
import java.math.BigDecimal;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * {@link StorefrontState#of}: the customer's part, read in one query, says what the feature facades
 * say one query at a time (standing, tier, codes, open reviews).
 */
class StorefrontStateTest extends StorefrontProxyTest {

    @Autowired
    StorefrontState state;

    @Autowired
    ShopService shops;

    @Autowired
    TierService tiers;

    @Autowired
    ReviewInvitations invitations;

    @Test
    void agreesWithTheFacadesForAMemberWithCodesAndOpenReviews() {
        // given a member with two orders (three products), three codes (one failed), two tiers
        tiers.create(shop.id(), new TierDraft("Silver", new BigDecimal("300"), new BigDecimal("1.25")), "test");
        tiers.create(shop.id(), new TierDraft("Gold", new BigDecimal("2000"), new BigDecimal("1.5")), "test");
        String ada = fixtures.customerWithPoints(shop, "9001", 5000);
        clock.set(NOW.minus(Duration.ofDays(3)));
        loyalty.apply(Orders.order(shop.id())
                .customer(ada)
                .line("a", "100.00")
                .line("b", "150.00")
                .paid());
        clock.set(NOW.minus(Duration.ofDays(2)));
        loyalty.apply(Orders.order(shop.id()).customer(ada).line("c", "80.00").paid());
        clock.set(NOW);
        long reward = fixtures.reward(shop, "5 off", RewardKind.FIXED_AMOUNT, "5.00", 500);
        Redemption first = rewards.redeem(shop.id(), ada, reward, "click-1");
        rewards.markIssued(shop.id(), first.id(), "gid://shopify/DiscountCodeNode/1");
        Redemption failed = rewards.redeem(shop.id(), ada, reward, "click-2");
        rewards.markFailed(shop.id(), failed.id(), "refused");
        rewards.redeem(shop.id(), ada, reward, "click-3");

        // when
        ProgramState answer = state.of(shop, ada);

        // then
        Standing standing = loyalty.standing(
                        shop.id(), ada, shops.settings(shop.id()).tierWindowMonths())
                .orElseThrow();
        assertThat(answer.customer()).isEqualTo(new CustomerView(ada, "Ada"));
        assertThat(answer.points())
                .isEqualTo(new PointsView(
                        standing.balance().available(),
                        standing.balance().pending(),
                        standing.balance().lifetimeEarned()));
        assertThat(answer.tier()).isEqualTo(StorefrontState.tier(tiers.ladder(shop.id()), standing.tierSpend()));
        assertThat(answer.tier().name()).isEqualTo("Silver");
        assertThat(answer.codes())
                .containsExactlyElementsOf(rewards.codes(shop.id(), ada, StorefrontState.MAX_CODES).stream()
                        .map(c -> new CodeView(c.reward(), c.code(), c.status().name(), c.createdAt()))
                        .toList())
                .hasSize(2);
        assertThat(answer.reviewsPending())
                .containsExactlyElementsOf(
                        invitations.pendingFor(shop.id(), standing.customerId(), StorefrontState.MAX_REVIEWS).stream()
                                .map(p -> new ReviewView(p.productId(), p.title(), p.orderName(), p.url()))
                                .toList())
                .extracting(ReviewView::productId)
                .containsExactly("product-c", "product-a", "product-b");
        assertThat(answer.rewards())
                .singleElement()
                .extracting(r -> r.affordable())
                .isEqualTo(true);
    }

    @Test
    void givesAGuestTheProgramWithoutACustomer() {
        fixtures.reward(shop, "5 off", RewardKind.FIXED_AMOUNT, "5.00", 1);

        ProgramState answer = state.of(shop, null);

        assertThat(answer.customer()).isNull();
        assertThat(answer.points()).isEqualTo(PointsView.NONE);
        assertThat(answer.tier()).isNull();
        assertThat(answer.codes()).isEmpty();
        assertThat(answer.reviewsPending()).isEmpty();
        assertThat(answer.rewards())
                .singleElement()
                .extracting(r -> r.affordable())
                .isEqualTo(false);
    }

    @Test
    void givesAnUnknownCustomerTheProgramWithTheirIdOnly() {
        ProgramState answer = state.of(shop, "not-a-customer");

        assertThat(answer.customer()).isEqualTo(new CustomerView("not-a-customer", null));
        assertThat(answer.points()).isEqualTo(PointsView.NONE);
        assertThat(answer.tier()).isNull();
        assertThat(answer.codes()).isEmpty();
        assertThat(answer.reviewsPending()).isEmpty();
    }
}
