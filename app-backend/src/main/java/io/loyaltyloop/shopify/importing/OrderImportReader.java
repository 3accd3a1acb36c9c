package io.loyaltyloop.shopify.importing;

import io.loyaltyloop.db.tables.records.OrderImportRecord;
import io.loyaltyloop.lifecycle.InvalidEventException;
import io.loyaltyloop.lifecycle.OrderLifecycleEvent;
import io.loyaltyloop.loyalty.ApplyResult;
import io.loyaltyloop.loyalty.LoyaltyService;
import io.loyaltyloop.shop.ShopId;
import io.loyaltyloop.shopify.mapping.BulkJsonl;
import io.loyaltyloop.shopify.mapping.BulkOrder;
import io.loyaltyloop.shopify.mapping.BulkOrderPayloads;
import io.loyaltyloop.shopify.mapping.ShopifyMappingException;
import java.io.BufferedReader;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One pass over an import's result file: orders are mapped as they stream in ({@link BulkJsonl},
 * {@link BulkOrderPayloads}) and applied with {@link LoyaltyService#applyAll} in batches of whole
 * orders, each batch's counts added to the import row. An order that cannot be mapped and an event
 * the engine refuses are counted as rejected and logged with the reason; the rest go on.
 */
class OrderImportReader {

    private static final Logger log = LoggerFactory.getLogger(OrderImportReader.class);

    private final LoyaltyService loyalty;
    private final OrderImportRepository imports;
    private final int batchSize;
    private final Duration readLease;
    private final Clock clock;

    /**
     * @param readLease how long each batch holds the file against other workers; far longer than a
     *     batch takes
     */
    OrderImportReader(
            LoyaltyService loyalty, OrderImportRepository imports, int batchSize, Duration readLease, Clock clock) {
        this.loyalty = loyalty;
        this.imports = imports;
        this.batchSize = batchSize;
        this.readLease = readLease;
        this.clock = clock;
    }

    /**
     * @param expectedObjects the operation's {@code objectCount}
     * @throws IOException when the file fails or ends early; what was read before is applied and
     *     counted
     */
    void read(ShopId shop, OrderImportRecord row, BufferedReader in, long expectedObjects) throws IOException {
        Batch batch = new Batch(shop, row);
        try {
            BulkJsonl.read(in, expectedObjects, batch);
        } finally {
            batch.flush();
        }
    }

    /** The events of the orders read since the last flush, and their counts. */
    private final class Batch implements BulkJsonl.Sink {
        private final ShopId shop;
        private final OrderImportRecord row;
        private final List<OrderLifecycleEvent> events = new ArrayList<>();
        private long orders;
        private long rejected;

        Batch(ShopId shop, OrderImportRecord row) {
            this.shop = shop;
            this.row = row;
        }

        @Override
        public void order(BulkOrder order) {
            orders++;
            try {
                events.addAll(BulkOrderPayloads.events(shop, row.getOperationId(), order));
            } catch (ShopifyMappingException | InvalidEventException e) {
                reject("order " + order.order().path("id").asString() + ": " + e.getMessage());
                return;
            }
            if (events.size() >= batchSize) {
                flush();
            }
        }

        @Override
        public void rejected(String reason, boolean anOrder) {
            if (anOrder) {
                orders++;
            }
            reject(reason);
        }

        private void reject(String reason) {
            rejected++;
            log.warn("order import {} of {}: rejected {}", row.getOperationId(), shop, reason);
        }

        void flush() {
            long applied = 0;
            long skipped = 0;
            List<ApplyResult> results = events.isEmpty() ? List.of() : loyalty.applyAll(events);
            for (int i = 0; i < results.size(); i++) {
                switch (results.get(i).outcome()) {
                    case APPLIED -> applied++;
                    case DUPLICATE -> skipped++;
                    case REJECTED -> {
                        rejected++;
                        log.warn(
                                "order import {} of {}: {} rejected: {}",
                                row.getOperationId(),
                                shop,
                                events.get(i).sourceEventId(),
                                results.get(i).error());
                    }
                }
            }
            imports.addCounts(
                    row,
                    new ImportCounts(orders, applied, rejected, skipped),
                    clock.instant().plus(readLease));
            events.clear();
            orders = 0;
            rejected = 0;
        }
    }
}
