package io.loyaltyloop.shopify.webhook;

import io.loyaltyloop.loyalty.LifecycleBatch;
import io.loyaltyloop.loyalty.LoyaltyService;
import io.loyaltyloop.shop.Platform;
import io.loyaltyloop.shop.Shop;
import io.loyaltyloop.shop.ShopService;
import io.loyaltyloop.shopify.mapping.ShopifyDelivery;
import io.loyaltyloop.shopify.mapping.ShopifyEventMapper;
import io.loyaltyloop.shopify.mapping.ShopifyMapping;
import io.loyaltyloop.shopify.mapping.ShopifyMappingException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Drains the webhook inbox into the engine, on every backend instance: batches are leased, so
 * instances never take the same delivery, and a batch whose worker died comes back when its lease
 * runs out (applying is idempotent, so a retry cannot count twice).
 *
 * <p>Per delivery: the shop must be installed (else retried with backoff), the payload must map
 * (else parked with the reason), and the engine must accept its events (a rejection is parked
 * too). An uninstalled shop's order and customer deliveries are marked done unapplied, with a
 * note. Uninstall, data requests and shop erasure go to {@link ShopLifecycleHandlers} after the
 * batch's events; a topic nobody handles yet is parked, so nothing acknowledged is ever dropped.
 */
@Component
@EnableScheduling
@EnableConfigurationProperties(InboxProperties.class)
public class InboxWorker {

    private static final Logger log = LoggerFactory.getLogger(InboxWorker.class);
    private static final Duration MAX_BACKOFF = Duration.ofHours(1);

    private final InboxRepository inbox;
    private final ShopifyEventMapper mapper = new ShopifyEventMapper();
    private final ShopService shops;
    private final LoyaltyService loyalty;
    private final ShopLifecycleHandlers lifecycle;
    private final InboxProperties properties;
    private final Clock clock;
    private final LifecycleBatch.Outcomes<InboxEntry> outcomes = new LifecycleBatch.Outcomes<>() {
        @Override
        public void applied(InboxEntry entry) {
            inbox.markDone(entry.delivery());
        }

        @Override
        public void rejected(InboxEntry entry, String reason) {
            park(entry, reason);
        }

        @Override
        public void failed(InboxEntry entry, String error) {
            retryLater(entry, error);
        }
    };

    public InboxWorker(
            InboxRepository inbox,
            ShopService shops,
            LoyaltyService loyalty,
            ShopLifecycleHandlers lifecycle,
            InboxProperties properties,
            Clock clock) {
        this.inbox = inbox;
        this.shops = shops;
        this.loyalty = loyalty;
        this.lifecycle = lifecycle;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${loyalty.shopify.inbox.poll-interval:1s}")
    void drain() {
        if (!properties.enabled()) {
            return;
        }
        try {
            while (drainOnce() == properties.batchSize()) {
                // a full batch: more may be waiting
            }
        } catch (RuntimeException e) {
            log.warn("inbox worker: {}; the batch comes back when its lease runs out", e.toString());
        }
    }

    /** Takes and processes one batch; returns how many deliveries it took. */
    public int drainOnce() {
        List<InboxEntry> batch =
                inbox.lease(properties.batchSize(), clock.instant().plus(properties.lease()));
        LifecycleBatch<InboxEntry> mapped = new LifecycleBatch<>();
        List<ForShop> lifecycleDeliveries = new ArrayList<>();
        Map<String, Optional<Shop>> shopsByDomain = new HashMap<>();
        for (InboxEntry entry : batch) {
            WebhookDelivery d = entry.delivery();
            // A batch is mostly a few shops' deliveries: look each shop up once.
            Optional<Shop> shop =
                    shopsByDomain.computeIfAbsent(d.shopDomain(), domain -> shops.findShop(Platform.SHOPIFY, domain));
            if (shop.isEmpty()) {
                lifecycle
                        .withoutShop(d)
                        .ifPresentOrElse(
                                note -> inbox.markDone(d, note),
                                () -> retryLater(entry, "shop " + d.shopDomain() + " is not installed"));
                continue;
            }
            ShopifyMapping mapping;
            try {
                mapping = mapper.map(
                        new ShopifyDelivery(d.topic(), d.shopDomain(), d.eventId(), d.triggeredAt(), d.payload()),
                        shop.get().id());
            } catch (ShopifyMappingException e) {
                park(entry, e.getMessage());
                continue;
            }
            switch (mapping) {
                // Uninstalled: stop all work, but still erase a customer when the host asks.
                case ShopifyMapping.Events e
                when !shop.get().active() && !d.topic().equals("customers/redact") ->
                    inbox.markDone(d, "not applied: the shop is uninstalled");
                case ShopifyMapping.Events e -> mapped.add(entry, e.events());
                case ShopifyMapping.HandledElsewhere h -> lifecycleDeliveries.add(new ForShop(entry, shop.get()));
            }
        }
        mapped.apply(loyalty, outcomes);
        // After the batch's order facts, so that an uninstall or erasure comes after the orders that
        // arrived with it rather than being undone by them.
        lifecycleDeliveries.forEach(this::handleLifecycle);
        return batch.size();
    }

    private void handleLifecycle(ForShop f) {
        WebhookDelivery d = f.entry().delivery();
        Optional<String> parkReason;
        try {
            parkReason = lifecycle.handle(d, f.shop());
        } catch (ShopifyMappingException e) {
            park(f.entry(), e.getMessage());
            return;
        } catch (RuntimeException e) {
            retryLater(f.entry(), e.toString());
            return;
        }
        parkReason.ifPresentOrElse(reason -> park(f.entry(), reason), () -> inbox.markDone(d));
    }

    private void retryLater(InboxEntry entry, String reason) {
        int attempts = entry.attempts() + 1;
        if (attempts >= properties.maxAttempts()) {
            park(entry, reason + " (gave up after " + attempts + " attempts)");
            return;
        }
        Duration backoff = Duration.ofSeconds(1L << Math.min(attempts, 12));
        Instant next = clock.instant().plus(backoff.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff);
        inbox.markFailed(entry.delivery(), reason, next);
    }

    private void park(InboxEntry entry, String reason) {
        WebhookDelivery d = entry.delivery();
        log.warn("parked {} {} {}: {}", d.shopDomain(), d.topic(), d.eventId(), reason);
        inbox.park(d, reason);
    }

    /** A delivery for the lifecycle handlers, with the shop it is for. */
    private record ForShop(InboxEntry entry, Shop shop) {}
}
