package io.loyaltyloop.reliability;

import static org.awaitility.Awaitility.await;

import io.loyaltyloop.reliability.Webhooks.Order;
import java.util.List;

/** Customers with redeemable points: paid orders whose points are released at once. */
final class Funding {

    private Funding() {}

    /**
     * Sets the shop's pending period to 0 days, so that points are available as soon as the release
     * job sees them. The one write into the app's tables in this suite, and unavoidable here: the
     * merchant sets it on the admin's program screen, which needs an admin session this suite does
     * not have, and the real clock cannot be moved 14 days on.
     */
    static void releaseAtOnce(ScenarioShop shop) {
        shop.env.database.update("""
            update program_settings set pending_days = 0
             where shop_id = (select shop_id from shop where platform = 'SHOPIFY' and platform_shop_key = ?)\
            """, shop.domain);
    }

    /** Places and pays {@code orders} (each order of its own customer) and waits until their points are available. */
    static void paid(ScenarioShop shop, List<Order> orders) throws Exception {
        var deliveries = orders.stream()
                .flatMap(o -> shop.env.webhooks.of(o, List.of("orders/create", "orders/paid")).stream())
                .toList();
        shop.sendConcurrently(deliveries, 1, 8, shop.env.backend.url());
        for (Order order : orders) {
            await().atMost(ScenarioShop.SETTLE)
                    .until(() -> available(shop, order.customerId()) > 0 && pending(shop, order.customerId()) == 0);
        }
    }

    static long available(ScenarioShop shop, long customerId) {
        return account(shop, customerId, "available");
    }

    static long pending(ScenarioShop shop, long customerId) {
        return account(shop, customerId, "pending");
    }

    private static long account(ScenarioShop shop, long customerId, String column) {
        return shop.env.database.number("""
            select coalesce(max(a.%s), 0) from points_account a
              join customer c on c.shop_id = a.shop_id and c.customer_id = a.customer_id
              join shop s on s.shop_id = a.shop_id
             where s.platform_shop_key = ? and c.external_id = ?\
            """.formatted(column), shop.domain, Long.toString(customerId));
    }

    /** The id of one of the rewards every shop starts with ("5 off" 500 points, "Free shipping" 300). */
    static long reward(ScenarioShop shop, String name) {
        return shop.env.database.number("""
            select r.reward_id from reward r join shop s on s.shop_id = r.shop_id
             where s.platform_shop_key = ? and r.name = ?\
            """, shop.domain, name);
    }
}
