package io.loyaltyloop.storefront;

import static io.loyaltyloop.db.Tables.CUSTOMER;
import static io.loyaltyloop.db.Tables.REWARD;
import static io.loyaltyloop.db.Tables.TIER;

import io.loyaltyloop.loyalty.LoyaltyService;
import io.loyaltyloop.loyalty.ManualAdjustment;
import io.loyaltyloop.reward.RewardCatalog;
import io.loyaltyloop.reward.RewardDraft;
import io.loyaltyloop.reward.RewardKind;
import io.loyaltyloop.shop.Shop;
import io.loyaltyloop.testing.Orders;
import java.math.BigDecimal;
import org.jooq.DSLContext;

/** Customers and rewards for the storefront tests, built through the engine's own facades. */
final class StorefrontFixtures {

    private final DSLContext dsl;
    private final LoyaltyService loyalty;

    StorefrontFixtures(DSLContext dsl, LoyaltyService loyalty) {
        this.dsl = dsl;
        this.loyalty = loyalty;
    }

    /** Removes a new shop's starter tiers and rewards, so that a test sees only its own. */
    void emptyProgram(Shop shop) {
        dsl.deleteFrom(TIER).where(TIER.SHOP_ID.eq(shop.id().value())).execute();
        dsl.update(REWARD)
                .set(REWARD.ACTIVE, false)
                .where(REWARD.SHOP_ID.eq(shop.id().value()))
                .execute();
    }

    /** A customer the shop knows, with this many available points (a manual credit) and no orders. */
    String customerWithPoints(Shop shop, String customerId, long points) {
        dsl.insertInto(CUSTOMER)
                .set(CUSTOMER.SHOP_ID, shop.id().value())
                .set(CUSTOMER.EXTERNAL_ID, customerId)
                .set(CUSTOMER.FIRST_NAME, "Ada")
                .execute();
        if (points > 0) {
            loyalty.adjust(new ManualAdjustment(shop.id(), customerId, points, "welcome bonus", "test"));
        }
        return customerId;
    }

    /** A paid order of the customer with one line of product {@code product-a}, still pending. */
    Orders paidOrder(Shop shop, String customerId, String amount) {
        Orders order = Orders.order(shop.id()).customer(customerId).line("a", amount);
        loyalty.apply(order.paid());
        return order;
    }

    long reward(Shop shop, String name, RewardKind kind, String value, long cost) {
        return new RewardCatalog(dsl)
                .create(
                        shop.id(),
                        new RewardDraft(name, kind, value == null ? null : new BigDecimal(value), cost),
                        "test")
                .id();
    }
}
