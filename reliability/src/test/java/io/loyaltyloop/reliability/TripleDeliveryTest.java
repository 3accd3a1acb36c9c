package io.loyaltyloop.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.loyaltyloop.reliability.Webhooks.Delivery;
import io.loyaltyloop.reliability.Webhooks.Order;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** R1: Shopify delivers at least once; every webhook arriving three times at once takes effect once. */
class TripleDeliveryTest {

    private static final int ORDERS = 10;

    @Test
    void everyWebhookDeliveredThreeTimesConcurrentlyTakesEffectExactlyOnce() throws Exception {
        Environment env = Environment.shared();
        // given two installed shops with the same orders: one gets each webhook once, one three times
        ScenarioShop once = ScenarioShop.installed(env, "r1-once");
        ScenarioShop thrice = ScenarioShop.installed(env, "r1-thrice");
        List<Order> orders = once.orders(ORDERS);
        List<Order> twins = ScenarioShop.twins(orders, thrice);

        // when each topic of the order's life arrives in turn, the tripled shop's copies all at once
        int sent = 0;
        int acked = 0;
        for (String topic : Webhooks.LIFECYCLE) {
            List<Delivery> single =
                    orders.stream().map(o -> env.webhooks.delivery(o, topic)).toList();
            List<Delivery> triple =
                    twins.stream().map(o -> env.webhooks.delivery(o, topic)).toList();
            Map<Delivery, Integer> onceAcks = once.sendConcurrently(single, 1, 8, env.backend.url());
            Map<Delivery, Integer> thriceAcks = thrice.sendConcurrently(triple, 3, 24, env.backend.url());
            assertThat(onceAcks.values()).allMatch(ScenarioShop::isAck);
            assertThat(thriceAcks.values()).allMatch(ScenarioShop::isAck);
            sent += triple.size() * 3;
            acked += thriceAcks.size();
            once.awaitSettled();
            thrice.awaitSettled();
        }

        // then the tripled shop ends exactly as the single one: ledger, orders, balances, emails
        await().atMost(ScenarioShop.SETTLE).untilAsserted(() -> {
            assertThat(thrice.settled()).isTrue();
            assertThat(thrice.state()).isEqualTo(once.state());
            assertThat(thrice.emails(twins)).isEqualTo(once.emails(orders));
        });
        Map<String, Long> emails = thrice.emails(twins);
        assertThat(emails.values()).allMatch(count -> count == 1);
        assertThat(emails).hasSizeGreaterThanOrEqualTo(ORDERS * 2);
        assertThat(thrice.applied()).isEqualTo(ORDERS * Webhooks.LIFECYCLE.size());
        Report.line(
                "R1",
                "sent %d (%d distinct), acked %d, applied %d, ledger entries %d, emails %d",
                sent,
                acked,
                acked,
                thrice.applied(),
                Books.entries(env, thrice.domain),
                emails.size());

        // and the books balance
        Books.assertBalanced(env);
    }
}
