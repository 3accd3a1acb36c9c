package io.loyaltyloop.shopify.sync;

import io.loyaltyloop.reward.Redemption;
import io.loyaltyloop.shop.Platform;
import io.loyaltyloop.shop.Shop;
import io.loyaltyloop.shopify.admin.AdminUserErrorsException;

/** Reward codes as Shopify discount codes ({@link AdminDiscountCodes}). */
final class ShopifyCodeChannel implements RewardCodeChannel {

    private final AdminDiscountCodes codes;

    ShopifyCodeChannel(AdminDiscountCodes codes) {
        this.codes = codes;
    }

    @Override
    public Platform platform() {
        return Platform.SHOPIFY;
    }

    @Override
    public String issue(Shop shop, Redemption redemption) {
        AdminRewardCode code;
        try {
            code = RewardCodeMapping.toAdmin(redemption);
        } catch (IllegalArgumentException e) {
            throw new PermanentIssueFailure("the reward cannot be created in Shopify: " + e.getMessage());
        }
        try {
            return codes.issue(shop.platformShopKey(), code).discountId();
        } catch (AdminUserErrorsException e) {
            throw new PermanentIssueFailure("Shopify refused the discount: " + e.getMessage());
        }
    }
}
