package io.loyaltyloop.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.loyaltyloop.reliability.Webhooks.Delivery;
import io.loyaltyloop.reliability.Webhooks.Order;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** R2: Shopify does not order its webhooks; each order ends the same whatever order they came in. */
class ReorderedEventsTest {

    private static final int ORDERS = 12;
    /** Half the orders are cancelled at the end, half keep their (partly refunded) points. */
    private static final List<String> KEPT = Webhooks.LIFECYCLE.subList(0, 5);

    @Test
    void eventsInShuffledOrderEndInTheSameStateAsInOrder() throws Exception {
        Environment env = Environment.shared();
        // given twin shops with the same orders
        ScenarioShop inOrder = ScenarioShop.installed(env, "r2-ordered");
        ScenarioShop shuffled = ScenarioShop.installed(env, "r2-shuffled");
        List<Order> orders = inOrder.orders(ORDERS);
        List<Order> twins = ScenarioShop.twins(orders, shuffled);
        Random random = new Random(20261123L);

        // when one shop gets each order's events in order, the other in a shuffled order
        // (fulfillments and refunds before the order among them), the orders side by side
        List<List<Delivery>> ordered = new ArrayList<>();
        List<List<Delivery>> reordered = new ArrayList<>();
        int beforeTheOrder = 0;
        for (int i = 0; i < ORDERS; i++) {
            List<String> topics = i % 2 == 0 ? Webhooks.LIFECYCLE : KEPT;
            ordered.add(env.webhooks.of(orders.get(i), topics));
            List<String> shuffledTopics = new ArrayList<>(topics);
            Collections.shuffle(shuffledTopics, random);
            if (i < 2) { // at least two orders whose fulfillment and refund come before anything else
                shuffledTopics.removeAll(List.of("fulfillments/create", "refunds/create"));
                shuffledTopics.addAll(0, List.of("refunds/create", "fulfillments/create"));
            }
            if (shuffledTopics.indexOf("fulfillments/create") < shuffledTopics.indexOf("orders/create")
                    || shuffledTopics.indexOf("refunds/create") < shuffledTopics.indexOf("orders/create")) {
                beforeTheOrder++;
            }
            reordered.add(env.webhooks.of(twins.get(i), shuffledTopics));
        }
        int sent = sendEachInTurn(env, ordered) + sendEachInTurn(env, reordered);
        inOrder.awaitSettled();
        shuffled.awaitSettled();

        // then balances, pending points, order states and ledger sums are the same
        await().atMost(ScenarioShop.SETTLE)
                .untilAsserted(() -> assertThat(shuffled.state(false)).isEqualTo(inOrder.state(false)));
        assertThat(shuffled.applied()).isEqualTo(inOrder.applied());
        Report.line(
                "R2",
                "sent %d (%d per shop), orders with a fulfillment or refund before the order %d, applied %d + %d,"
                        + " ledger entries in order %d, shuffled %d",
                sent,
                sent / 2,
                beforeTheOrder,
                inOrder.applied(),
                shuffled.applied(),
                Books.entries(env, inOrder.domain),
                Books.entries(env, shuffled.domain));

        // and the books balance
        Books.assertBalanced(env);
    }

    /** Each order's webhooks one after the other (each acknowledged before the next), orders in parallel. */
    private static int sendEachInTurn(Environment env, List<List<Delivery>> perOrder) throws Exception {
        List<Future<?>> sent = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            for (List<Delivery> deliveries : perOrder) {
                sent.add(pool.submit(() -> {
                    for (Delivery delivery : deliveries) {
                        assertThat(env.webhooks.send(env.backend.url(), delivery))
                                .isEqualTo(200);
                    }
                    return null;
                }));
            }
            for (Future<?> future : sent) {
                future.get();
            }
        }
        return perOrder.stream().mapToInt(List::size).sum();
    }
}
