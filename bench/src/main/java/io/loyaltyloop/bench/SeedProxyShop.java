package io.loyaltyloop.bench;

import io.loyaltyloop.loyalty.LoyaltyService;
import io.loyaltyloop.loyalty.ManualAdjustment;
import io.loyaltyloop.shop.NewShop;
import io.loyaltyloop.shop.Platform;
import io.loyaltyloop.shop.Shop;
import io.loyaltyloop.shop.ShopService;
import io.loyaltyloop.testing.Orders;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * Seeds the shop {@link ProxyCustomerLoad} reads, into a running backend's database: a Shopify shop
 * with the default program (tiers, rewards), and N customers each with a paid order (pending points,
 * a tier spend, an item to review) and a bonus (available points). Starts nothing; idempotent per
 * customer (an existing shop is reused, applied orders are recognised).
 *
 * <p>System properties: {@code jdbcUrl}, or {@code dataDir} (./data/postgres: the embedded
 * database of a backend started from the repository root; its port is read from {@code
 * postmaster.pid}); {@code customers} (1000).
 */
public final class SeedProxyShop {

    static final String SHOP = "bench-proxy.myshopify.com";

    static String customerId(int n) {
        return Long.toString(7_000_000_000L + n);
    }

    public static void main(String[] args) throws Exception {
        int customers = Integer.getInteger("customers", 1000);
        String url = System.getProperty("jdbcUrl");
        if (url == null) {
            Path pid = Path.of(System.getProperty("dataDir", "./data/postgres"), "postmaster.pid");
            List<String> lines = Files.readAllLines(pid);
            url = "jdbc:postgresql://127.0.0.1:" + lines.get(3).trim() + "/postgres?user=postgres";
        }
        DSLContext dsl = DSL.using(url, "postgres", "");
        ShopService shops = new ShopService(dsl);
        Shop shop = shops.findShop(Platform.SHOPIFY, SHOP)
                .orElseGet(() -> shops.register(new NewShop(Platform.SHOPIFY, SHOP, "Bench proxy shop", "USD", "UTC")));
        LoyaltyService loyalty = new LoyaltyService(dsl, Clock.systemUTC());
        Instant placed = Instant.now().minus(2, ChronoUnit.DAYS);
        for (int i = 1; i <= customers; i++) {
            String customer = customerId(i);
            Orders order = Orders.order(shop.id())
                    .id("bench-order-" + i)
                    .customer(customer)
                    .placedAt(placed)
                    .line("a", (100 + (i % 900)) + ".00");
            loyalty.apply(order.paid());
            if (loyalty.balance(shop.id(), customer).orElseThrow().available() == 0) {
                loyalty.adjust(new ManualAdjustment(shop.id(), customer, 600, "bench bonus", "bench"));
            }
        }
        System.out.printf(
                "seeded %s (shop id %s) with customers %s … %s%n",
                SHOP, shop.id(), customerId(1), customerId(customers));
    }

    private SeedProxyShop() {}
}
