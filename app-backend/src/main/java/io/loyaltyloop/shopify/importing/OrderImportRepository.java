package io.loyaltyloop.shopify.importing;

import static io.loyaltyloop.db.Tables.ORDER_IMPORT;

import io.loyaltyloop.db.tables.records.OrderImportRecord;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;

/** The {@code order_import} rows: one per historical import of a shop. */
public class OrderImportRepository {

    static final String PENDING = "PENDING";
    static final String RUNNING = "RUNNING";
    static final String COMPLETED = "COMPLETED";
    static final String FAILED = "FAILED";
    static final String CANCELED = "CANCELED";

    private final DSLContext dsl;

    public OrderImportRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Asks for an import; false when the shop already has one pending or running. */
    public boolean request(long shopId, Instant now) {
        return dsl.insertInto(ORDER_IMPORT)
                        .set(ORDER_IMPORT.SHOP_ID, shopId)
                        .set(ORDER_IMPORT.REQUESTED_AT, utc(now))
                        .set(ORDER_IMPORT.NEXT_ATTEMPT_AT, utc(now))
                        .onConflictDoNothing()
                        .execute()
                > 0;
    }

    List<OrderImportRecord> dueStarts(Instant now, int limit) {
        return dsl.selectFrom(ORDER_IMPORT)
                .where(ORDER_IMPORT.STATUS.eq(PENDING))
                .and(ORDER_IMPORT.NEXT_ATTEMPT_AT.le(utc(now)))
                .orderBy(ORDER_IMPORT.NEXT_ATTEMPT_AT)
                .limit(limit)
                .fetch();
    }

    void started(OrderImportRecord row, String operationId, Instant now) {
        dsl.update(ORDER_IMPORT)
                .set(ORDER_IMPORT.STATUS, RUNNING)
                .set(ORDER_IMPORT.OPERATION_ID, operationId)
                .set(ORDER_IMPORT.STARTED_AT, utc(now))
                .set(ORDER_IMPORT.ATTEMPTS, row.getAttempts() + 1)
                .setNull(ORDER_IMPORT.ERROR)
                .where(key(row))
                .execute();
    }

    void startFailed(OrderImportRecord row, String error, Instant nextAttempt) {
        dsl.update(ORDER_IMPORT)
                .set(ORDER_IMPORT.ATTEMPTS, row.getAttempts() + 1)
                .set(ORDER_IMPORT.NEXT_ATTEMPT_AT, utc(nextAttempt))
                .set(ORDER_IMPORT.ERROR, error)
                .where(key(row))
                .execute();
    }

    Optional<OrderImportRecord> findByOperation(long shopId, String operationId) {
        return dsl.selectFrom(ORDER_IMPORT)
                .where(ORDER_IMPORT.SHOP_ID.eq(shopId))
                .and(ORDER_IMPORT.OPERATION_ID.eq(operationId))
                .fetchOptional();
    }

    /**
     * Takes the result file for reading until {@code until}, unless another worker holds it; a
     * (re-)read starts its counts from zero, as they describe one whole pass.
     */
    boolean claimRead(OrderImportRecord row, Instant now, Instant until) {
        return dsl.update(ORDER_IMPORT)
                        .set(ORDER_IMPORT.READING_UNTIL, utc(until))
                        .set(ORDER_IMPORT.ORDERS_READ, 0L)
                        .set(ORDER_IMPORT.EVENTS_APPLIED, 0L)
                        .set(ORDER_IMPORT.EVENTS_REJECTED, 0L)
                        .set(ORDER_IMPORT.EVENTS_SKIPPED, 0L)
                        .where(key(row))
                        .and(ORDER_IMPORT.STATUS.eq(RUNNING))
                        .and(ORDER_IMPORT.READING_UNTIL.isNull().or(ORDER_IMPORT.READING_UNTIL.lt(utc(now))))
                        .execute()
                == 1;
    }

    /** Adds one batch's counts, so progress shows while a large file is read, and holds the file longer. */
    void addCounts(OrderImportRecord row, ImportCounts batch, Instant readingUntil) {
        dsl.update(ORDER_IMPORT)
                .set(ORDER_IMPORT.READING_UNTIL, utc(readingUntil))
                .set(ORDER_IMPORT.ORDERS_READ, ORDER_IMPORT.ORDERS_READ.plus(batch.ordersRead()))
                .set(ORDER_IMPORT.EVENTS_APPLIED, ORDER_IMPORT.EVENTS_APPLIED.plus(batch.applied()))
                .set(ORDER_IMPORT.EVENTS_REJECTED, ORDER_IMPORT.EVENTS_REJECTED.plus(batch.rejected()))
                .set(ORDER_IMPORT.EVENTS_SKIPPED, ORDER_IMPORT.EVENTS_SKIPPED.plus(batch.skipped()))
                .where(key(row))
                .execute();
    }

    /** Records why the last read failed and lets the file go, leaving the import open for the next one. */
    void recordError(OrderImportRecord row, String error) {
        dsl.update(ORDER_IMPORT)
                .set(ORDER_IMPORT.ERROR, error)
                .setNull(ORDER_IMPORT.READING_UNTIL)
                .where(key(row))
                .execute();
    }

    void finish(OrderImportRecord row, String status, String error, Instant now) {
        dsl.update(ORDER_IMPORT)
                .set(ORDER_IMPORT.STATUS, status)
                .set(ORDER_IMPORT.ERROR, error)
                .set(ORDER_IMPORT.FINISHED_AT, utc(now))
                .setNull(ORDER_IMPORT.READING_UNTIL)
                .where(key(row))
                .execute();
    }

    private static org.jooq.Condition key(OrderImportRecord row) {
        return ORDER_IMPORT.SHOP_ID.eq(row.getShopId()).and(ORDER_IMPORT.IMPORT_ID.eq(row.getImportId()));
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
