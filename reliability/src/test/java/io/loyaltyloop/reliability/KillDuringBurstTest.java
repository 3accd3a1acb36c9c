package io.loyaltyloop.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.loyaltyloop.reliability.Webhooks.Delivery;
import io.loyaltyloop.reliability.Webhooks.Order;
import io.loyaltyloop.testing.process.BackendProcess;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * R3: the backend process dies ({@code kill -9}) in the middle of a burst and a new one starts on
 * the same database; what it acknowledged is applied once, what it did not is resent (as Shopify
 * retries) and applied once too.
 */
class KillDuringBurstTest {

    private static final int ORDERS = 100;
    private static final List<String> TOPICS = List.of("orders/create", "orders/paid", "fulfillments/create");
    /** Acknowledgements after which the process is killed: about a third into the burst. */
    private static final int KILL_AFTER = 100;

    @Test
    void everyAcknowledgedWebhookIsAppliedOnceAfterAKillMidBurstAndNoEmailGoesTwice() throws Exception {
        Environment env = Environment.shared();
        // given a backend process of its own, and a twin shop that gets the same webhooks calmly
        BackendProcess victim = env.startBackend();
        ScenarioShop shop = ScenarioShop.installed(env, "r3-killed");
        ScenarioShop twin = ScenarioShop.installed(env, "r3-calm");
        List<Order> orders = shop.orders(ORDERS);
        List<Delivery> burst = orders.stream()
                .flatMap(o -> env.webhooks.of(o, TOPICS).stream())
                .toList();
        List<Delivery> calm = ScenarioShop.twins(orders, twin).stream()
                .flatMap(o -> env.webhooks.of(o, TOPICS).stream())
                .toList();

        // when the burst arrives concurrently and the process is killed with SIGKILL mid-burst
        Map<Delivery, Integer> statuses = new ConcurrentHashMap<>();
        AtomicInteger acks = new AtomicInteger();
        List<Future<?>> sent = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(16)) {
            for (Delivery delivery : burst) {
                sent.add(pool.submit(() -> {
                    int status = env.webhooks.send(victim.url(), delivery);
                    statuses.put(delivery, status);
                    if (ScenarioShop.isAck(status) && acks.incrementAndGet() == KILL_AFTER) {
                        victim.kill();
                    }
                    return null;
                }));
            }
            for (Future<?> future : sent) {
                future.get();
            }
        }
        assertThat(victim.isAlive()).isFalse();
        List<Delivery> unacked =
                burst.stream().filter(d -> !ScenarioShop.isAck(statuses.get(d))).toList();
        int ackedBeforeKill = burst.size() - unacked.size();

        // and a new process starts on the same database, and Shopify resends what was not acknowledged
        BackendProcess restarted = env.startBackend();
        Map<Delivery, Integer> resent = shop.sendConcurrently(unacked, 1, 16, restarted.url());
        assertThat(resent.values()).allMatch(ScenarioShop::isAck);
        twin.sendConcurrently(calm, 1, 8, env.backend.url());

        // then every webhook is applied exactly once: the same state as the calm twin
        shop.awaitSettled();
        twin.awaitSettled();
        await().atMost(ScenarioShop.SETTLE)
                .untilAsserted(() -> assertThat(shop.state()).isEqualTo(twin.state()));
        assertThat(shop.applied()).isEqualTo(burst.size());
        // and no email went twice (one held by the killed sender may be lost, never doubled)
        Map<String, Long> emails = shop.emails(orders);
        assertThat(emails.values()).allMatch(count -> count == 1);
        Map<String, Long> twinEmails = twin.emails(ScenarioShop.twins(orders, twin));
        List<String> missing = twinEmails.keySet().stream()
                .filter(key -> !emails.containsKey(key))
                .toList();
        long failed = env.database.number("""
            select count(*) from email_outbox e join shop s on s.shop_id = e.shop_id
             where s.platform_shop_key = ? and e.status = 'FAILED'\
            """, shop.domain);
        Report.line(
                "R3",
                "burst %d, acked before kill -9 %d, unacked %d (resent to the new process, all acked), applied %d,"
                        + " ledger entries %d (twin %d), emails %d (twin %d), emails failed %d",
                burst.size(),
                ackedBeforeKill,
                unacked.size(),
                shop.applied(),
                Books.entries(env, shop.domain),
                Books.entries(env, twin.domain),
                emails.size(),
                twinEmails.size(),
                failed);
        // and none was lost silently: each of the twin's emails arrived, or is the one the killed
        // sender held mid-SMTP, marked FAILED because it cannot know whether the server took it
        assertThat(missing)
                .as(
                        "emails the calm twin got and this shop did not; journey steps and outbox %s, twin's %s",
                        messages(env, shop.domain), messages(env, twin.domain))
                .hasSizeLessThanOrEqualTo((int) failed);
        restarted.close();

        Books.assertBalanced(env);
    }

    /** The shop's journey steps and outbox rows by kind and status: what to look at when one is missing. */
    private static List<List<Object>> messages(Environment env, String domain) {
        return env.database.rows("""
            select 'step', j.kind, j.status, count(*) from journey_step j join shop s on s.shop_id = j.shop_id
             where s.platform_shop_key = ? group by 2, 3
            union all
            select 'email', e.kind, e.status, count(*) from email_outbox e join shop s on s.shop_id = e.shop_id
             where s.platform_shop_key = ? group by 2, 3
             order by 1, 2, 3\
            """, domain, domain);
    }
}
