package io.loyaltyloop.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.loyaltyloop.reliability.Webhooks.Order;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** R4: a balance spent by a thousand clicks at once is spent exactly as far as it goes. */
class ConcurrentRedemptionsTest {

    private static final int REDEMPTIONS = 1_000;
    private static final int COST = 500;

    @Test
    void aThousandConcurrentRedemptionsNeverOverspendAndEachSuccessGetsOneShopifyCode() throws Exception {
        Environment env = Environment.shared();
        // given a customer with the points of five paid orders, released
        ScenarioShop shop = ScenarioShop.installed(env, "r4-redeem");
        Funding.releaseAtOnce(shop);
        Order first = shop.orders(1).getFirst();
        List<Order> orders = shop.orders(5).stream()
                .map(o -> new Order(o.shop(), o.id(), first.customerId(), first.buyer(), o.placedAt()))
                .toList();
        Funding.paid(shop, orders);
        long balance = Funding.available(shop, first.customerId());
        long reward = Funding.reward(shop, "5 off");
        Storefront storefront = new Storefront(env);

        // when 1,000 redemptions of the 500-point reward arrive at once, each click its own key
        Map<Integer, Integer> statuses = new TreeMap<>();
        List<Future<Integer>> answers = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(32)) {
            for (int i = 0; i < REDEMPTIONS; i++) {
                String key = "click-%04d".formatted(i);
                answers.add(pool.submit(
                        () -> storefront.redeem(env.backend.url(), shop.domain, first.customerId(), reward, key)));
            }
            for (Future<Integer> answer : answers) {
                statuses.merge(answer.get(), 1, Integer::sum);
            }
        }

        // then exactly balance / cost succeed, and the balance never went below zero
        long expected = balance / COST;
        assertThat(statuses.getOrDefault(200, 0)).as("statuses %s", statuses).isEqualTo((int) expected);
        assertThat(statuses.keySet()).as("no request failed outright").allMatch(s -> s >= 200 && s < 500);
        assertThat(Funding.available(shop, first.customerId())).isEqualTo(balance - expected * COST);
        assertThat(lowestRunningBalance(shop)).isGreaterThanOrEqualTo(0);
        // and each successful redemption becomes exactly one Shopify discount code
        await().atMost(ScenarioShop.SETTLE).until(() -> issued(shop) == expected);
        assertThat(env.shopify.calls(shop.domain, "discountCodeBasicCreate")).isEqualTo((int) expected);
        Report.line(
                "R4",
                "balance %d, redemptions sent %d, answered %s, succeeded %d, discount codes created %d",
                balance,
                REDEMPTIONS,
                statuses,
                expected,
                env.shopify.calls(shop.domain, "discountCodeBasicCreate"));

        Books.assertBalanced(env);
    }

    /** The lowest the customer's available balance ever was, entry by entry. */
    static long lowestRunningBalance(ScenarioShop shop) {
        return shop.env.database.number("""
            select min(running) from (
              select sum(l.available_delta) over (partition by l.customer_id order by l.entry_id) running
                from points_ledger l join shop s on s.shop_id = l.shop_id
               where s.platform_shop_key = ?) balances\
            """, shop.domain);
    }

    static long issued(ScenarioShop shop) {
        return shop.env.database.number("""
            select count(*) from redemption r join shop s on s.shop_id = r.shop_id
             where s.platform_shop_key = ? and r.status = 'ISSUED'\
            """, shop.domain);
    }
}
