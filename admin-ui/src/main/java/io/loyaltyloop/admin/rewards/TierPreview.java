package io.loyaltyloop.admin.rewards;

import io.loyaltyloop.loyalty.EarningDryRun;
import io.loyaltyloop.loyalty.EarningService;
import io.loyaltyloop.shop.ShopId;
import io.loyaltyloop.tier.Tier;
import io.loyaltyloop.tier.TierLadder;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Locale;
import java.util.Map;

/**
 * What a multiplier change would have done to the last 90 days' orders, in words. Orders remember
 * the multiplier they earned at, not the tier, so the dry run asks "orders that earned at the old
 * multiplier earn at the new one"; tiers sharing that multiplier are counted together (said so).
 */
final class TierPreview {

    private TierPreview() {}

    static String describe(
            EarningService earning, ShopId shop, TierLadder ladder, Tier tier, BigDecimal newMultiplier) {
        BigDecimal old = tier.earnMultiplier();
        if (old.compareTo(newMultiplier) == 0) {
            return "The multiplier is unchanged: no order would earn differently.";
        }
        EarningDryRun.Result result = earning.dryRunMultipliers(shop, Map.of(old, newMultiplier));
        long added = result.addedPoints();
        String change = added == 0
                ? "would not change any points"
                : (added > 0 ? "would add " : "would remove ") + count(Math.abs(added)) + " points";
        String text = "From ×" + plain(old) + " to ×" + plain(newMultiplier) + ", this change " + change
                + " over the last 90 days' orders (" + count(result.orders()) + " orders recomputed).";
        long sharing = ladder.tiers().stream()
                .filter(t -> t.id() != tier.id() && t.earnMultiplier().compareTo(old) == 0)
                .count();
        return sharing == 0
                ? text
                : text + " Orders of other tiers at ×" + plain(old) + " are counted too: orders record the multiplier,"
                        + " not the tier.";
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    private static String count(long value) {
        return NumberFormat.getIntegerInstance(Locale.US).format(value);
    }
}
