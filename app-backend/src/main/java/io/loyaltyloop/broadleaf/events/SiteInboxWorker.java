package io.loyaltyloop.broadleaf.events;

import io.loyaltyloop.broadleaf.BroadleafProperties;
import io.loyaltyloop.lifecycle.OrderLifecycleEvent;
import io.loyaltyloop.loyalty.LifecycleBatch;
import io.loyaltyloop.loyalty.LoyaltyService;
import io.loyaltyloop.shop.Shop;
import io.loyaltyloop.shop.ShopId;
import io.loyaltyloop.shop.ShopService;
import io.loyaltyloop.system.RetryBackoff;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Drains the Broadleaf inbox into the engine, on every backend instance, with the Shopify inbox's
 * guarantees: batches are leased (a dead worker's batch comes back after the lease), the engine's
 * dedupe makes a retry harmless, data that does not map and events the engine rejects are parked
 * with the reason, and a database failure is retried with backoff, then parked. An uninstalled
 * site's events are marked done unapplied, with a note — except a customer's erasure.
 */
@Component
public class SiteInboxWorker {

    private static final Logger log = LoggerFactory.getLogger(SiteInboxWorker.class);
    private static final RetryBackoff BACKOFF = new RetryBackoff(Duration.ofSeconds(2), Duration.ofHours(1));

    private final SiteInboxRepository inbox;
    private final ShopService shops;
    private final LoyaltyService loyalty;
    private final BroadleafProperties.Inbox properties;
    private final Clock clock;
    private final LifecycleBatch.Outcomes<SiteInboxRepository.Entry> outcomes = new LifecycleBatch.Outcomes<>() {
        @Override
        public void applied(SiteInboxRepository.Entry entry) {
            inbox.markDone(entry, null);
        }

        @Override
        public void rejected(SiteInboxRepository.Entry entry, String reason) {
            park(entry, reason);
        }

        @Override
        public void failed(SiteInboxRepository.Entry entry, String error) {
            retryLater(entry, error);
        }
    };

    SiteInboxWorker(
            SiteInboxRepository inbox,
            ShopService shops,
            LoyaltyService loyalty,
            BroadleafProperties properties,
            Clock clock) {
        this.inbox = inbox;
        this.shops = shops;
        this.loyalty = loyalty;
        this.properties = properties.inbox();
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${loyalty.broadleaf.inbox.poll-interval:1s}")
    void drain() {
        if (!properties.enabled()) {
            return;
        }
        try {
            while (drainOnce() == properties.batchSize()) {
                // a full batch: more may be waiting
            }
        } catch (RuntimeException e) {
            log.warn("Broadleaf inbox worker: {}; the batch comes back when its lease runs out", e.toString());
        }
    }

    /** Takes and processes one batch; returns how many events it took. */
    public int drainOnce() {
        Instant now = clock.instant();
        List<SiteInboxRepository.Entry> batch = inbox.lease(properties.batchSize(), now, now.plus(properties.lease()));
        LifecycleBatch<SiteInboxRepository.Entry> mapped = new LifecycleBatch<>();
        Map<Long, Shop> shopsById = new HashMap<>();
        for (SiteInboxRepository.Entry entry : batch) {
            Shop shop = shopsById.computeIfAbsent(entry.shopId(), id -> shops.getShop(new ShopId(id)));
            if (!shop.active() && !entry.event().type().equals(EventType.CUSTOMER_REDACTED.wireName())) {
                inbox.markDone(entry, "not applied: the site is uninstalled");
                continue;
            }
            List<OrderLifecycleEvent> fromEntry;
            try {
                fromEntry = SiteEventMapper.map(shop.id(), entry.event());
            } catch (SiteMappingException e) {
                park(entry, e.getMessage());
                continue;
            }
            mapped.add(entry, fromEntry);
        }
        mapped.apply(loyalty, outcomes);
        return batch.size();
    }

    private void retryLater(SiteInboxRepository.Entry entry, String reason) {
        int attempts = entry.attempts() + 1;
        if (attempts >= properties.maxAttempts()) {
            park(entry, reason + " (gave up after " + attempts + " attempts)");
            return;
        }
        inbox.markFailed(entry, reason, clock.instant().plus(BACKOFF.after(attempts)));
    }

    private void park(SiteInboxRepository.Entry entry, String reason) {
        log.warn(
                "parked Broadleaf event {} {} of shop {}: {}",
                entry.event().type(),
                entry.event().eventId(),
                entry.shopId(),
                reason);
        inbox.park(entry, reason);
    }
}
