package io.loyaltyloop.demo;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Sends the plan's webhooks as the demo clock reaches each one's time, on a thread of its own, and
 * says what it did every {@link #REPORT_EVERY} orders. A delivery the backend refuses is reported
 * and not retried: the demo should show the problem, not hide it.
 */
final class OrderSimulator implements AutoCloseable {

    static final int REPORT_EVERY = 10;

    private final List<SimulationPlan.Webhook> webhooks;
    private final WebhookSender sender;
    private final AcceleratedClock clock;
    private final Consumer<String> console;
    private final AtomicInteger sent = new AtomicInteger();
    private final AtomicInteger ordersPlaced = new AtomicInteger();
    private final AtomicInteger refused = new AtomicInteger();
    private final Thread thread;

    OrderSimulator(SimulationPlan plan, WebhookSender sender, AcceleratedClock clock, Consumer<String> console) {
        this.webhooks = plan.webhooks();
        this.sender = sender;
        this.clock = clock;
        this.console = console;
        this.thread = Thread.ofPlatform().name("demo-order-simulator").daemon().unstarted(this::run);
    }

    void start() {
        thread.start();
    }

    int sent() {
        return sent.get();
    }

    int refused() {
        return refused.get();
    }

    boolean finished() {
        return sent.get() + refused.get() == webhooks.size();
    }

    private void run() {
        try {
            for (SimulationPlan.Webhook webhook : webhooks) {
                Duration wait = clock.realTimeUntil(webhook.at());
                while (!wait.isZero()) {
                    Thread.sleep(Math.min(wait.toMillis(), 200));
                    wait = clock.realTimeUntil(webhook.at());
                }
                deliver(webhook);
            }
            console.accept("Simulator: done, %d webhooks sent, %d refused.".formatted(sent.get(), refused.get()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void deliver(SimulationPlan.Webhook webhook) throws InterruptedException {
        try {
            int status = sender.send(webhook);
            if (status == 200) {
                sent.incrementAndGet();
            } else {
                refused.incrementAndGet();
                console.accept("Simulator: the backend answered %d to %s (%s)"
                        .formatted(status, webhook.topic(), webhook.summary()));
            }
        } catch (IOException e) {
            refused.incrementAndGet();
            console.accept("Simulator: could not deliver %s: %s".formatted(webhook.summary(), e.getMessage()));
        }
        if (webhook.topic().equals("orders/create") && ordersPlaced.incrementAndGet() % REPORT_EVERY == 1) {
            console.accept("Simulator [%s]: order %d placed, %s; %d webhooks sent so far."
                    .formatted(
                            clock.instant().toString().substring(0, 16),
                            ordersPlaced.get(),
                            webhook.summary(),
                            sent.get()));
        }
    }

    @Override
    public void close() {
        thread.interrupt();
    }
}
