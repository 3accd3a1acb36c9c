package io.loyaltyloop.reliability;

import static org.awaitility.Awaitility.await;

import io.loyaltyloop.reliability.Webhooks.Delivery;
import io.loyaltyloop.reliability.Webhooks.Order;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/** A shop of one scenario, installed on the backends; its orders, webhooks, and what came of them. */
final class ScenarioShop {

    static final Duration SETTLE = Duration.ofSeconds(90);

    final Environment env;
    final String domain;

    private ScenarioShop(Environment env, String domain) {
        this.env = env;
        this.domain = domain;
    }

    static ScenarioShop installed(Environment env, String scenario) throws Exception {
        ScenarioShop shop = new ScenarioShop(env, env.newShop(scenario));
        Installs.install(env, env.backend.url(), shop.domain);
        return shop;
    }

    /** {@code count} orders of as many customers, placed now (after the install: they earn). */
    List<Order> orders(int count) {
        // Shopify times have whole seconds: the next one, so that no order reads as placed before the install.
        Instant placed = Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
        List<Order> orders = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long id = env.nextId();
            orders.add(new Order(domain, id, id + 5, "buyer-" + id + "@reliability.example", placed));
        }
        return orders;
    }

    /**
     * The same orders (ids, customers) at another shop: the twin of a comparison. Their buyers'
     * addresses start with {@code twin-}, so that the two shops' emails can be told apart.
     */
    static List<Order> twins(List<Order> orders, ScenarioShop other) {
        return orders.stream()
                .map(o -> new Order(other.domain, o.id(), o.customerId(), TWIN + o.buyer(), o.placedAt()))
                .toList();
    }

    private static final String TWIN = "twin-";

    /**
     * Sends every delivery {@code copies} times, all at once from {@code threads} threads, round
     * robin over {@code backendUrls}; answers each delivery's best status (2xx if any copy was acked).
     */
    Map<Delivery, Integer> sendConcurrently(List<Delivery> deliveries, int copies, int threads, String... backendUrls)
            throws Exception {
        Map<Delivery, Integer> best = new ConcurrentHashMap<>();
        List<Future<?>> sent = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            int n = 0;
            for (int copy = 0; copy < copies; copy++) {
                for (Delivery delivery : deliveries) {
                    String url = backendUrls[n++ % backendUrls.length];
                    sent.add(pool.submit(() -> {
                        int status = env.webhooks.send(url, delivery);
                        best.merge(delivery, status, (a, b) -> isAck(a) ? a : b);
                    }));
                }
            }
            for (Future<?> future : sent) {
                future.get();
            }
        }
        return best;
    }

    static boolean isAck(int status) {
        return status >= 200 && status < 300;
    }

    /** Waits until the shop's webhooks are applied, its due journey steps dispatched and its emails sent. */
    void awaitSettled() {
        await().atMost(SETTLE).pollInterval(Duration.ofMillis(500)).until(this::settled);
    }

    boolean settled() {
        return env.database.number(
                                "select count(*) from webhook_inbox where shop_domain = ? and status = 'PENDING'",
                                domain)
                        == 0
                && env.database.number("""
                    select count(*) from journey_step j join shop s on s.shop_id = j.shop_id
                     where s.platform_shop_key = ? and j.status = 'PLANNED' and j.due_at <= now()\
                    """, domain) == 0
                && env.database.number("""
                    select count(*) from email_outbox e join shop s on s.shop_id = e.shop_id
                     where s.platform_shop_key = ? and e.status in ('PENDING', 'SENDING')\
                    """, domain) == 0;
    }

    /** Webhooks of this shop the backend applied (its inbox rows marked done). */
    long applied() {
        return env.database.number(
                "select count(*) from webhook_inbox where shop_domain = ? and status = 'DONE'", domain);
    }

    /** Emails per buyer and subject, for the buyers of {@code orders} (a twin's without its prefix). */
    Map<String, Long> emails(List<Order> orders) {
        List<String> buyers = orders.stream().map(Order::buyer).toList();
        Function<String, Boolean> ours = buyers::contains;
        Map<String, Long> counts = new TreeMap<>();
        env.mail
                .countsByRecipientAndSubject(ours)
                .forEach((key, count) -> counts.put(key.startsWith(TWIN) ? key.substring(TWIN.length()) : key, count));
        return counts;
    }

    /**
     * The shop's final state, independent of the shop's own ids: orders, accounts and ledger sums,
     * with the number of ledger entries per order and customer.
     */
    List<List<Object>> state() {
        return state(true);
    }

    /**
     * As {@link #state()}, or, without {@code entryCounts}, only what does not depend on the path to
     * it: no entry counts, and no ledger sums of customers whose entries add up to nothing (an order
     * refunded or cancelled before it was paid never earned, one paid first earned and gave back).
     */
    List<List<Object>> state(boolean entryCounts) {
        return entryCounts
                ? rawState()
                : rawState().stream()
                        .filter(row -> !isLedgerSumOfNothing(row))
                        .map(row -> row.stream()
                                .filter(value -> !(value instanceof String text && text.startsWith("entries:")))
                                .toList())
                        .toList();
    }

    /** A row of {@link Books#ledgerByCustomer}: id, entries, pending and available; here both sums 0. */
    private static boolean isLedgerSumOfNothing(List<Object> row) {
        return row.size() == 4
                && row.get(1) instanceof String entries
                && entries.startsWith("entries:")
                && ((Number) row.get(2)).longValue() == 0
                && ((Number) row.get(3)).longValue() == 0;
    }

    private List<List<Object>> rawState() {
        List<List<Object>> state = new ArrayList<>(env.database.rows("""
            select 'order', o.external_id, o.paid_at is not null, o.cancelled_at is not null, o.lines_known,
                   o.eligible_amount, o.refunded_amount, o.points_net,
                   'entries:' || (select count(*) from points_ledger l
                                  where l.shop_id = o.shop_id and l.order_id = o.order_id),
                   (select coalesce(sum(l.pending_delta + l.available_delta), 0) from points_ledger l
                     where l.shop_id = o.shop_id and l.order_id = o.order_id)
              from shop_order o join shop s on s.shop_id = o.shop_id
             where s.platform_shop_key = ? order by o.external_id\
            """, domain));
        state.addAll(env.database.rows("""
            select 'account', c.external_id, a.pending, a.available, a.lifetime_earned, a.lifetime_redeemed
              from points_account a
              join customer c on c.shop_id = a.shop_id and c.customer_id = a.customer_id
              join shop s on s.shop_id = a.shop_id
             where s.platform_shop_key = ? order by c.external_id\
            """, domain));
        state.addAll(Books.ledgerByCustomer(env, domain));
        return state;
    }
}
