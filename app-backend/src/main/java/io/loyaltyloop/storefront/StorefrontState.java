package io.loyaltyloop.storefront;

import io.loyaltyloop.loyalty.Balance;
import io.loyaltyloop.loyalty.EarningRule;
import io.loyaltyloop.loyalty.EarningService;
import io.loyaltyloop.loyalty.LoyaltyService;
import io.loyaltyloop.loyalty.Standing;
import io.loyaltyloop.review.ReviewInvitations;
import io.loyaltyloop.review.ReviewService;
import io.loyaltyloop.reward.RewardService;
import io.loyaltyloop.shop.ProgramSettings;
import io.loyaltyloop.shop.Shop;
import io.loyaltyloop.shop.ShopService;
import io.loyaltyloop.storefront.ProgramState.CodeView;
import io.loyaltyloop.storefront.ProgramState.CustomerView;
import io.loyaltyloop.storefront.ProgramState.NextTier;
import io.loyaltyloop.storefront.ProgramState.PointsView;
import io.loyaltyloop.storefront.ProgramState.ProgramView;
import io.loyaltyloop.storefront.ProgramState.ReviewView;
import io.loyaltyloop.storefront.ProgramState.RewardView;
import io.loyaltyloop.storefront.ProgramState.ShopView;
import io.loyaltyloop.storefront.ProgramState.TierView;
import io.loyaltyloop.storefront.ProgramState.WayToEarn;
import io.loyaltyloop.tier.Tier;
import io.loyaltyloop.tier.TierLadder;
import io.loyaltyloop.tier.TierService;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Builds a customer's program state from the core facades: one query per part (shop settings, rule,
 * review settings, ladder, rewards, the customer's standing and spend, codes, open reviews), never
 * one per reward or order.
 */
@Component
class StorefrontState {

    /** Enough for the panel; older codes stay in the customer's emails. */
    static final int MAX_CODES = 20;

    static final int MAX_REVIEWS = 10;

    private final ShopService shops;
    private final LoyaltyService loyalty;
    private final EarningService earning;
    private final TierService tiers;
    private final RewardService rewards;
    private final ReviewService reviews;
    private final ReviewInvitations invitations;

    StorefrontState(
            ShopService shops,
            LoyaltyService loyalty,
            EarningService earning,
            TierService tiers,
            RewardService rewards,
            ReviewService reviews,
            ReviewInvitations invitations) {
        this.shops = shops;
        this.loyalty = loyalty;
        this.earning = earning;
        this.tiers = tiers;
        this.rewards = rewards;
        this.reviews = reviews;
        this.invitations = invitations;
    }

    ProgramState of(Shop shop, String customerId) {
        ProgramSettings settings = shops.settings(shop.id());
        EarningRule rule = earning.rule(shop.id());
        TierLadder ladder = tiers.ladder(shop.id());
        Optional<Standing> standing = customerId == null
                ? Optional.empty()
                : loyalty.standing(shop.id(), customerId, settings.tierWindowMonths());
        long available = standing.map(s -> s.balance().available()).orElse(0L);
        List<RewardView> offered = rewards.rewards(shop.id()).stream()
                .map(r -> new RewardView(
                        r.id(),
                        r.name(),
                        r.kind().name(),
                        r.discountValue() == null ? null : money(r.discountValue()),
                        r.pointsCost(),
                        standing.isPresent() && available >= r.pointsCost()))
                .toList();
        ProgramView program = new ProgramView(
                plain(rule.pointsPerUnit()), settings.pendingDays(), waysToEarn(shop, rule.pointsPerUnit()));
        ShopView shopView = new ShopView(shop.name(), shop.currency().getCurrencyCode());
        if (standing.isEmpty()) {
            CustomerView unknown = customerId == null ? null : new CustomerView(customerId, null);
            return new ProgramState(shopView, unknown, program, PointsView.NONE, null, offered, List.of(), List.of());
        }
        Standing known = standing.get();
        Balance balance = known.balance();
        List<CodeView> codes = rewards.codes(shop.id(), customerId, MAX_CODES).stream()
                .map(c -> new CodeView(c.reward(), c.code(), c.status().name(), c.createdAt()))
                .toList();
        List<ReviewView> pending = invitations.pendingFor(shop.id(), known.customerId(), MAX_REVIEWS).stream()
                .map(p -> new ReviewView(p.productId(), p.title(), p.orderName(), p.url()))
                .toList();
        return new ProgramState(
                shopView,
                new CustomerView(customerId, known.firstName()),
                program,
                new PointsView(balance.available(), balance.pending(), balance.lifetimeEarned()),
                tier(ladder, known.tierSpend()),
                offered,
                codes,
                pending);
    }

    /**
     * The tier the spend reaches (the multiplier the next order earns at) and the next one above it
     * ({@code next} null at the top); the whole thing null when the shop has no tiers.
     */
    static TierView tier(TierLadder ladder, BigDecimal spend) {
        if (ladder.tiers().isEmpty()) {
            return null;
        }
        Optional<Tier> reached = ladder.tierFor(spend);
        NextTier next = ladder.nextAbove(spend)
                .map(t -> new NextTier(
                        t.name(), money(t.minSpend()), money(t.minSpend().subtract(spend))))
                .orElse(null);
        return new TierView(
                reached.map(Tier::name).orElse(null),
                plain(reached.map(Tier::earnMultiplier).orElse(BigDecimal.ONE)),
                next);
    }

    private List<WayToEarn> waysToEarn(Shop shop, BigDecimal pointsPerUnit) {
        List<WayToEarn> ways = new ArrayList<>();
        ways.add(orderWay(pointsPerUnit));
        long reviewPoints = reviews.settings(shop.id()).incentivePoints();
        if (reviewPoints > 0) {
            ways.add(new WayToEarn("REVIEW", reviewPoints, null));
        }
        return ways;
    }

    /**
     * Whole points per an amount of spend: a whole rate reads "N points per 1.00"; a fractional one
     * "1 point per X" with X rounded up, so the line never promises more than the engine gives.
     */
    static WayToEarn orderWay(BigDecimal pointsPerUnit) {
        BigDecimal rate = pointsPerUnit.stripTrailingZeros();
        if (rate.scale() <= 0) {
            return new WayToEarn("ORDER", rate.longValueExact(), "1.00");
        }
        return new WayToEarn(
                "ORDER", 1, BigDecimal.ONE.divide(rate, 2, RoundingMode.UP).toPlainString());
    }

    static String money(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    static String plain(BigDecimal number) {
        BigDecimal stripped = number.stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
    }
}
