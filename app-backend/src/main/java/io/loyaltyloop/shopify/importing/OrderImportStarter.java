package io.loyaltyloop.shopify.importing;

import io.loyaltyloop.db.tables.records.OrderImportRecord;
import io.loyaltyloop.shop.Shop;
import io.loyaltyloop.shop.ShopId;
import io.loyaltyloop.shop.ShopService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the historical orders imports that are due. An install only writes a PENDING row (in the
 * install's transaction), so the import survives Shopify being unreachable and the backend
 * restarting; this starter, run by a db-scheduler task on one instance at a time, asks Shopify for
 * the bulk query and retries with backoff until Shopify accepts or the attempts run out.
 */
public class OrderImportStarter {

    private static final Logger log = LoggerFactory.getLogger(OrderImportStarter.class);
    private static final Duration MAX_BACKOFF = Duration.ofHours(1);

    private final OrderImportRepository imports;
    private final AdminBulkOrdersImport bulk;
    private final ShopService shops;
    private final OrderImportProperties properties;
    private final Clock clock;

    OrderImportStarter(
            OrderImportRepository imports,
            AdminBulkOrdersImport bulk,
            ShopService shops,
            OrderImportProperties properties,
            Clock clock) {
        this.imports = imports;
        this.bulk = bulk;
        this.shops = shops;
        this.properties = properties;
        this.clock = clock;
    }

    /** Tries every due import once; returns how many Shopify accepted. */
    int startDue(int limit) {
        int started = 0;
        for (OrderImportRecord row : imports.dueStarts(clock.instant(), limit)) {
            if (start(row)) {
                started++;
            }
        }
        return started;
    }

    private boolean start(OrderImportRecord row) {
        Shop shop = shops.getShop(new ShopId(row.getShopId()));
        if (!shop.active()) {
            imports.finish(
                    row,
                    OrderImportRepository.CANCELED,
                    "the shop uninstalled before the import started",
                    clock.instant());
            return false;
        }
        AdminBulkOperation operation;
        try {
            operation = bulk.start(shop.platformShopKey());
        } catch (RuntimeException e) {
            // Unreachable, throttled, no usable token (the GraphQL client may wrap that one), or
            // OPERATION_IN_PROGRESS (the merchant's or another app's bulk query): all pass with
            // time, and anything else is retried a bounded number of times and then shown.
            retryLater(row, shop, e);
            return false;
        }
        imports.started(row, operation.id(), clock.instant());
        log.info("order import for {} started as {}", shop.platformShopKey(), operation.id());
        return true;
    }

    private void retryLater(OrderImportRecord row, Shop shop, RuntimeException e) {
        int attempts = row.getAttempts() + 1;
        if (attempts >= properties.maxStartAttempts()) {
            log.warn(
                    "order import for {} gave up after {} attempts: {}",
                    shop.platformShopKey(),
                    attempts,
                    e.toString());
            imports.finish(row, OrderImportRepository.FAILED, "could not start: " + e.getMessage(), clock.instant());
            return;
        }
        Duration backoff = Duration.ofMinutes(1L << Math.min(attempts - 1, 10));
        Instant next = clock.instant().plus(backoff.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff);
        log.info("order import for {} not started ({}); next try at {}", shop.platformShopKey(), e.getMessage(), next);
        imports.startFailed(row, e.getMessage(), next);
    }
}
