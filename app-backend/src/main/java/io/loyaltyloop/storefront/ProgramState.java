package io.loyaltyloop.storefront;

import java.time.Instant;
import java.util.List;

/**
 * The answer of {@code GET /proxy/customer}, field for field as in {@code docs/storefront-api.md}.
 * Points are JSON integers; money and multipliers are decimal strings. The widget renders every
 * text with textContent, never as HTML.
 */
public record ProgramState(
        ShopView shop,
        CustomerView customer,
        ProgramView program,
        PointsView points,
        TierView tier,
        List<RewardView> rewards,
        List<CodeView> codes,
        List<ReviewView> reviewsPending) {

    public record ShopView(String name, String currency) {}

    public record CustomerView(String id, String firstName) {}

    public record ProgramView(String pointsPerUnit, int pendingDays, List<WayToEarn> waysToEarn) {}

    /** {@code per} is set for ORDER (points per that much spend), null for REVIEW. */
    public record WayToEarn(String kind, long points, String per) {}

    public record PointsView(long available, long pending, long lifetime) {

        static final PointsView NONE = new PointsView(0, 0, 0);
    }

    /** {@code name} null: the customer is below every tier, {@code next} is the lowest one. */
    public record TierView(String name, String multiplier, NextTier next) {}

    public record NextTier(String name, String minSpend, String remaining) {}

    public record RewardView(long id, String name, String kind, String value, long cost, boolean affordable) {}

    public record CodeView(String reward, String code, String status, Instant createdAt) {}

    public record ReviewView(String productId, String title, String orderName, String url) {}
}
