package io.loyaltyloop.demo;

import io.loyaltyloop.demo.WebhookPayloads.Customer;
import io.loyaltyloop.demo.WebhookPayloads.Line;
import io.loyaltyloop.demo.WebhookPayloads.Order;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * Everything the order simulator will send, worked out up front from the seed alone: the same seed
 * gives the same customers, orders, fates and webhook bodies (and ids), whatever the machine.
 *
 * <p>An order's life, in demo time: placed and paid; shipped a day later with tracking; in transit,
 * out for delivery and delivered over the next two days. About one in twelve is cancelled before it
 * ships; about one in seven delivered orders gets one item refunded two days after delivery.
 */
record SimulationPlan(List<Customer> customers, List<Order> orders, List<Webhook> webhooks) {

    /** One webhook to send when the demo clock reaches {@code at}. */
    record Webhook(Instant at, String topic, String body, String webhookId, String eventId, String summary) {}

    private static final String[] FIRST = {
        "Ada", "Bilal", "Chloe", "Dario", "Elif", "Farah", "Goran", "Hana", "Ivo", "Jun", "Kemal", "Lena", "Mateo",
        "Nora"
    };
    private static final String[] LAST = {
        "Lindqvist", "Okafor", "Moreau", "Rossi", "Yilmaz", "Haddad", "Petrov", "Sato", "Novak", "Chen", "Demir", "Berg"
    };
    static final int CUSTOMERS = 12;

    static long customerId(int k) {
        return CUSTOMER_IDS + k;
    }

    private static final long CUSTOMER_IDS = 7_100_000_000L;
    private static final long ORDER_IDS = 5_200_000_000L;

    /** The plan for a run: nothing at all with {@code --no-simulator}, else the seed's orders. */
    static SimulationPlan of(DemoOptions options, Instant start) {
        return options.simulator()
                ? generate(options.seed(), options.orders(), start)
                : new SimulationPlan(List.of(), List.of(), List.of());
    }

    static SimulationPlan generate(long seed, int orderCount, Instant start) {
        Random random = new Random(seed);
        WebhookPayloads payloads = new WebhookPayloads();
        List<BigDecimal> prices = payloads.fixturePrices();
        List<Webhook> webhooks = new ArrayList<>();
        List<Customer> customers = new ArrayList<>();
        for (int k = 0; k < CUSTOMERS; k++) {
            String first = FIRST[random.nextInt(FIRST.length)];
            String last = LAST[random.nextInt(LAST.length)];
            Customer c = new Customer(
                    CUSTOMER_IDS + k, first, last, (first + "." + last + k + "@example.com").toLowerCase());
            customers.add(c);
            Instant at = start.plus(Duration.ofMinutes(10L * k));
            webhooks.add(webhook(random, at, "customers/create", payloads.customer(c, at), "customer " + c.email()));
        }
        List<Order> orders = new ArrayList<>();
        Instant placed = start.plus(Duration.ofHours(2));
        for (int i = 0; i < orderCount; i++) {
            // A few regulars buy most: points add up to a reward within the demo's first minutes.
            Customer buyer = customers.get(random.nextInt(random.nextInt(3) == 0 ? CUSTOMERS : 4));
            long orderId = ORDER_IDS + i;
            List<Line> lines = new ArrayList<>();
            for (int l = 0; l < prices.size(); l++) {
                if (random.nextInt(100) < 45 || (l == prices.size() - 1 && lines.isEmpty())) {
                    lines.add(new Line(orderId * 10 + l, l, 1 + random.nextInt(2), prices.get(l)));
                }
            }
            Order order = new Order(orderId, 1001 + i, buyer, List.copyOf(lines), placed);
            orders.add(order);
            plan(random, payloads, order, webhooks);
            placed = placed.plus(Duration.ofMinutes(120 + random.nextInt(360)));
        }
        webhooks.sort(Comparator.comparing(Webhook::at));
        return new SimulationPlan(List.copyOf(customers), List.copyOf(orders), List.copyOf(webhooks));
    }

    private static void plan(Random random, WebhookPayloads payloads, Order o, List<Webhook> webhooks) {
        Instant t = o.placedAt();
        String who = o.name() + " by " + o.customer().firstName() + " (" + o.total() + " USD)";
        webhooks.add(webhook(random, t, "orders/create", payloads.order("orders/create", o, t), who + " placed"));
        Instant paid = t.plus(Duration.ofMinutes(5));
        webhooks.add(webhook(random, paid, "orders/paid", payloads.order("orders/paid", o, paid), who + " paid"));
        int fate = random.nextInt(100);
        if (fate < 8) {
            Instant cancelled = t.plus(Duration.ofHours(5));
            webhooks.add(webhook(
                    random,
                    cancelled,
                    "orders/cancelled",
                    payloads.order("orders/cancelled", o, cancelled),
                    who + " cancelled"));
            return;
        }
        long fulfillmentId = o.id() * 10 + 9;
        String tracking = "1Z" + Long.toString(o.id(), 36).toUpperCase() + "DM";
        Instant shipped = t.plus(Duration.ofHours(20 + random.nextInt(8)));
        webhooks.add(webhook(
                random,
                shipped,
                "fulfillments/create",
                payloads.fulfillment(o, fulfillmentId, tracking, shipped),
                who + " shipped"));
        String[] statuses = {"in_transit", "out_for_delivery", "delivered"};
        long[] hoursAfterShipping = {8, 36, 42};
        for (int s = 0; s < statuses.length; s++) {
            Instant at = shipped.plus(Duration.ofHours(hoursAfterShipping[s]));
            webhooks.add(webhook(
                    random,
                    at,
                    "fulfillment_events/create",
                    payloads.fulfillmentEvent(o, fulfillmentId, fulfillmentId * 10 + s, statuses[s], at),
                    who + " " + statuses[s].replace('_', ' ')));
        }
        if (fate >= 85) {
            Line returned = o.lines().get(random.nextInt(o.lines().size()));
            Instant at = shipped.plus(Duration.ofHours(42 + 48));
            webhooks.add(webhook(
                    random,
                    at,
                    "refunds/create",
                    payloads.refund(o, o.id() * 100 + 7, returned, at),
                    who + " partly refunded (" + returned.price() + " USD)"));
        }
    }

    private static Webhook webhook(Random random, Instant at, String topic, String body, String summary) {
        return new Webhook(
                at,
                topic,
                body,
                new UUID(random.nextLong(), random.nextLong()).toString(),
                new UUID(random.nextLong(), random.nextLong()).toString(),
                summary);
    }
}
