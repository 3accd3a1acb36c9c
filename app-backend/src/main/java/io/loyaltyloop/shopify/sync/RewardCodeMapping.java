package io.loyaltyloop.shopify.sync;

import io.loyaltyloop.reward.Redemption;
import java.math.BigDecimal;
import java.math.RoundingMode;

/** The Shopify discount a redemption asks for. */
final class RewardCodeMapping {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private RewardCodeMapping() {}

    /**
     * @throws IllegalArgumentException if the redemption cannot become a Shopify code (no Shopify
     *     customer id, a value Shopify cannot take): retrying would not help
     */
    static AdminRewardCode toAdmin(Redemption redemption) {
        String customer = redemption.externalCustomerId();
        if (customer == null || !customer.matches("[0-9]{1,20}")) {
            throw new IllegalArgumentException("the customer has no Shopify customer id: " + customer);
        }
        AdminRewardCode.Value value = switch (redemption.kind()) {
            case FIXED_AMOUNT -> new AdminRewardCode.FixedAmount(redemption.discountValue());
            // The engine keeps percent (0-100), Shopify takes a fraction.
            case PERCENTAGE ->
                new AdminRewardCode.Percentage(
                        redemption.discountValue() == null
                                ? null
                                : redemption.discountValue().divide(HUNDRED, 6, RoundingMode.UNNECESSARY));
            case FREE_SHIPPING -> new AdminRewardCode.FreeShipping();
        };
        return new AdminRewardCode(
                redemption.discountCode(),
                "Loyalty reward " + redemption.discountCode() + " (" + redemption.pointsCost() + " points)",
                "gid://shopify/Customer/" + customer,
                redemption.createdAt(),
                value);
    }
}
