package io.loyaltyloop.bench;

import static io.loyaltyloop.db.Tables.CUSTOMER;

import io.loyaltyloop.lifecycle.OrderPaid;
import io.loyaltyloop.shop.Shop;
import io.loyaltyloop.shop.ShopId;
import io.loyaltyloop.testing.Orders;
import io.loyaltyloop.testing.Shops;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.jooq.DSLContext;

/**
 * The benchmark's shop and its traffic: one shop registered with the default program (1 point per
 * unit, Bronze / Silver / Gold tiers), a pool of known customers, and {@code OrderPaid} events of 3
 * lines each for a random customer of the pool, each with a unique order id.
 */
public final class Workload {

    /** Orders were placed up to this long before the run started, so tier windows see them. */
    private static final Duration PLACED_WITHIN = Duration.ofDays(30);

    private static final String[] PRODUCT_TYPES = {"Shirts", "Shoes", "Bags", "Hats", "Socks"};

    private final ShopId shop;
    private final int customers;
    private final Instant now;
    private final String runId;

    private Workload(ShopId shop, int customers, Instant now, String runId) {
        this.shop = shop;
        this.customers = customers;
        this.now = now;
        this.runId = runId;
    }

    /**
     * Registers a fresh shop and gives it a history, in bulk, outside the measured path: the
     * customers, their (empty) points accounts, and {@code historyPerCustomer} paid orders of 3 lines
     * each placed before the shop installed the program (so they earned nothing and the books stay
     * balanced, but they are real rows in the tables and indexes the apply path reads). Then
     * {@code VACUUM ANALYZE}, so the planner sees a populated database: on freshly created, empty
     * tables PostgreSQL caches sequential-scan plans for the prepared statements and the foreign-key
     * checks, which would make the benchmark measure an artefact (see README.md).
     */
    public static Workload create(DSLContext dsl, int customers, int historyPerCustomer) {
        Shop shop = Shops.newShop(dsl);
        long shopId = shop.id().value();
        List<org.jooq.Query> batch = new ArrayList<>();
        dsl.transaction(tx -> {
            for (int from = 0; from < customers; from += 1000) {
                var insert = tx.dsl()
                        .insertInto(
                                CUSTOMER,
                                CUSTOMER.SHOP_ID,
                                CUSTOMER.EXTERNAL_ID,
                                CUSTOMER.EMAIL,
                                CUSTOMER.FIRST_NAME,
                                CUSTOMER.LAST_NAME,
                                CUSTOMER.LOCALE,
                                CUSTOMER.ACCEPTS_MARKETING);
                for (int i = from; i < Math.min(customers, from + 1000); i++) {
                    String id = customerId(i);
                    insert = insert.values(shopId, id, id + "@example.com", "Ada", "Lovelace", "en", true);
                }
                batch.add(insert);
            }
            tx.dsl().batch(batch).execute();
            tx.dsl()
                    .execute(
                            "insert into points_account (shop_id, customer_id) select shop_id, customer_id from"
                                    + " customer where shop_id = ?",
                            shopId);
            tx.dsl().execute("""
                insert into shop_order (shop_id, external_id, customer_id, order_name, currency, placed_at,
                                        paid_at, lines_known, prior_to_install)
                select c.shop_id, 'history-' || c.customer_id || '-' || g, c.customer_id,
                       '#h' || c.customer_id || '-' || g, 'USD', t.at, t.at + interval '2 minutes', true, true
                from customer c
                cross join generate_series(1, ?) g
                cross join lateral (select timestamptz '2025-06-01'
                    + ((c.customer_id * 37 + g * 101) % 200) * interval '1 day' as at) t
                where c.shop_id = ?
                """, historyPerCustomer, shopId);
            tx.dsl().execute("""
                insert into order_line (shop_id, order_id, external_line_id, product_id, variant_id, sku,
                                        title, vendor, product_type, quantity, amount, gift_card, eligible)
                select o.shop_id, o.order_id, 'line-' || l, 'product-' || p.id, 'variant-' || p.id,
                       'SKU-' || p.id, 'Item ' || p.id, 'Acme', 'Shirts', 1,
                       5 + ((o.order_id * 13 + l * 7) % 7500) / 100.0, false, true
                from shop_order o
                cross join generate_series(1, 3) l
                cross join lateral (select (o.order_id * 7 + l) % 500 as id) p
                where o.shop_id = ?
                """, shopId);
            tx.dsl().execute("""
                update shop_order o set eligible_amount = s.amount
                from (select order_id, sum(amount) as amount from order_line where shop_id = ?
                      group by order_id) s
                where o.shop_id = ? and o.order_id = s.order_id
                """, shopId, shopId);
        });
        dsl.execute("vacuum analyze");
        // Start measuring with the bulk load's dirty pages already written out.
        dsl.execute("checkpoint");
        return new Workload(shop.id(), customers, Instant.now(), Long.toString(System.nanoTime(), 36));
    }

    public ShopId shop() {
        return shop;
    }

    public int customers() {
        return customers;
    }

    static String customerId(int i) {
        return "customer-" + i;
    }

    /**
     * The {@code sequence}-th event: its order id is unique in this run; the customer, amounts and
     * products come from {@code random}. 3 lines, 5.00 to 80.00 each, so a customer reaches Silver
     * (500 spend in 12 months) after about 6 orders: the tier lookups see real history.
     */
    public OrderPaid event(long sequence, RandomGenerator random) {
        Instant placedAt = now.minusSeconds(random.nextLong(PLACED_WITHIN.toSeconds()));
        Orders order = Orders.order(shop)
                .id("bench-" + runId + "-" + sequence)
                .customer(customerId(random.nextInt(customers)))
                .placedAt(placedAt);
        for (int line = 1; line <= 3; line++) {
            long product = random.nextLong(500);
            String amount = (5 + random.nextInt(75)) + "." + (10 + random.nextInt(90));
            order.line(new io.loyaltyloop.lifecycle.OrderLine(
                    "line-" + line,
                    "product-" + product,
                    "variant-" + product + "-" + random.nextInt(4),
                    "SKU-" + product,
                    "Item " + product,
                    "Acme",
                    PRODUCT_TYPES[(int) (product % PRODUCT_TYPES.length)],
                    1 + random.nextInt(2),
                    new java.math.BigDecimal(amount),
                    false));
        }
        return order.paid(placedAt.plusSeconds(30 + random.nextInt(600)));
    }
}
