package io.loyaltyloop.storefront;

import java.time.Instant;
import java.util.List;

/**
 * The answer of {@code GET /proxy/customer}, field for field as in {@code docs/storefront-api.md}.
 * Points are JSON integers; money and multipliers are decimal strings. The widget renders every
 * text with textContent, never as HTML.
 */
record ProgramState(
        ShopView shop,
        CustomerView customer,
        ProgramView program,
        PointsView points,
        TierView tier,
        List<RewardView> rewards,
        List<CodeView> codes,
        List<ReviewView> reviewsPending) {

    record ShopView(String name, String currency) {}

    record CustomerView(String id, String firstName) {}

    record ProgramView(String pointsPerUnit, int pendingDays, List<WayToEarn> waysToEarn) {}

    /** {@code per} is set for ORDER (points per that much spend), null for REVIEW. */
    record WayToEarn(String kind, long points, String per) {}

    record PointsView(long available, long pending, long lifetime) {

        static final PointsView NONE = new PointsView(0, 0, 0);
    }

    /** {@code name} null: the customer is below every tier, {@code next} is the lowest one. */
    record TierView(String name, String multiplier, NextTier next) {}

    record NextTier(String name, String minSpend, String remaining) {}

    record RewardView(long id, String name, String kind, String value, long cost, boolean affordable) {}

    record CodeView(String reward, String code, String status, Instant createdAt) {}

    record ReviewView(String productId, String title, String orderName, String url) {}
}
