package io.loyaltyloop.shopify.sync;

import static io.loyaltyloop.db.Tables.CUSTOMER;
import static io.loyaltyloop.db.Tables.REWARD;

import io.loyaltyloop.loyalty.LoyaltyService;
import io.loyaltyloop.loyalty.ManualAdjustment;
import io.loyaltyloop.reward.RewardKind;
import io.loyaltyloop.shop.Shop;
import java.math.BigDecimal;
import org.jooq.DSLContext;

/** Customers with points and rewards on offer, written straight to the shared test database. */
public final class LoyaltyFixtures {

    private LoyaltyFixtures() {}

    /** A customer with this Shopify id and these available points. */
    public static void customerWithPoints(
            DSLContext dsl, LoyaltyService loyalty, Shop shop, String externalId, long points) {
        dsl.insertInto(CUSTOMER)
                .set(CUSTOMER.SHOP_ID, shop.id().value())
                .set(CUSTOMER.EXTERNAL_ID, externalId)
                .execute();
        loyalty.adjust(new ManualAdjustment(shop.id(), externalId, points, "welcome bonus", "test"));
    }

    public static long reward(DSLContext dsl, Shop shop, RewardKind kind, BigDecimal value, long pointsCost) {
        return dsl.insertInto(REWARD)
                .set(REWARD.SHOP_ID, shop.id().value())
                .set(REWARD.NAME, kind.name().toLowerCase())
                .set(REWARD.KIND, kind.name())
                .set(REWARD.DISCOUNT_VALUE, value)
                .set(REWARD.POINTS_COST, pointsCost)
                .returning(REWARD.REWARD_ID)
                .fetchSingle(REWARD.REWARD_ID);
    }
}
