package io.loyaltyloop.admin.rewards;

import io.loyaltyloop.reward.RewardKind;
import io.loyaltyloop.reward.RewardListing;
import java.util.Currency;

/** One line of the rewards table, formatted for the shop. */
record RewardRow(long id, String name, String gives, long cost, boolean active, long redeemed) {

    static RewardRow of(RewardListing listing, Currency currency) {
        var reward = listing.reward();
        String gives = switch (reward.kind()) {
            case FIXED_AMOUNT -> ShownMoney.of(reward.discountValue(), currency) + " off";
            case PERCENTAGE -> reward.discountValue().stripTrailingZeros().toPlainString() + "% off";
            case FREE_SHIPPING -> "Free shipping";
        };
        return new RewardRow(
                reward.id(), reward.name(), gives, reward.pointsCost(), reward.active(), listing.redeemed());
    }

    /** A choice of the kind field. */
    record KindOption(String value, String label) {}

    static final java.util.List<KindOption> KINDS = java.util.List.of(
            new KindOption(RewardKind.FIXED_AMOUNT.name(), "Fixed amount off"),
            new KindOption(RewardKind.PERCENTAGE.name(), "Percentage off"),
            new KindOption(RewardKind.FREE_SHIPPING.name(), "Free shipping"));
}
