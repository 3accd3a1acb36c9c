package io.loyaltyloop.admin.access;

import io.loyaltyloop.loyalty.LoyaltyService;
import io.loyaltyloop.shop.Shop;
import io.loyaltyloop.testing.Orders;
import io.loyaltyloop.testing.Shops;
import java.time.Instant;
import org.jooq.DSLContext;

/** Shops with members, for the admin's tests. */
final class AdminFixtures {

    static final String PASSWORD = "correct horse battery staple";

    /**
     * When the fixtures' orders are paid: before the tests' clock (BackendTest.START, still October 31
     * in the test shops' New York), so they fall in the dashboard's default period, the last 30 days.
     */
    static final Instant PAID_AT = Instant.parse("2026-10-20T15:00:00Z");

    private AdminFixtures() {}

    /** A shop of its own whose customers each paid one order; returns the shop. */
    static Shop shopWithMembers(DSLContext dsl, LoyaltyService loyalty, int members) {
        Shop shop = Shops.newShop(dsl);
        for (int i = 0; i < members; i++) {
            loyalty.apply(
                    Orders.order(shop.id()).placedAt(PAID_AT).line("1", "10.00").paid());
        }
        return shop;
    }

    /** The host id of a new customer of {@code shop}, who paid one order. */
    static String customerOf(Shop shop, LoyaltyService loyalty) {
        Orders order = Orders.order(shop.id()).placedAt(PAID_AT).line("1", "10.00");
        loyalty.apply(order.paid());
        return order.customerId();
    }
}
