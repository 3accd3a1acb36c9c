package io.loyaltyloop.loyalty;

import static io.loyaltyloop.db.Tables.CUSTOMER;
import static io.loyaltyloop.db.Tables.EMAIL_OUTBOX;
import static org.jooq.impl.DSL.noCondition;

import io.loyaltyloop.lifecycle.CustomerSnapshot;
import io.loyaltyloop.shop.ShopId;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

class CustomerRepository {

    private final DSLContext dsl;

    CustomerRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    Optional<Long> find(ShopId shop, String externalId) {
        return dsl.select(CUSTOMER.CUSTOMER_ID)
                .from(CUSTOMER)
                .where(CUSTOMER.SHOP_ID.eq(shop.value()))
                .and(CUSTOMER.EXTERNAL_ID.eq(externalId))
                .fetchOptional(CUSTOMER.CUSTOMER_ID);
    }

    /** The customer's id, creating the customer from the snapshot if unknown; existing data is kept. */
    /** The customer's engine id and first name. */
    Optional<org.jooq.Record2<Long, String>> findWithName(ShopId shop, String externalId) {
        return dsl.select(CUSTOMER.CUSTOMER_ID, CUSTOMER.FIRST_NAME)
                .from(CUSTOMER)
                .where(CUSTOMER.SHOP_ID.eq(shop.value()))
                .and(CUSTOMER.EXTERNAL_ID.eq(externalId))
                .fetchOptional();
    }

    long ensure(ShopId shop, CustomerSnapshot c) {
        return find(shop, c.externalId()).orElseGet(() -> {
            insert(shop, c).onConflictDoNothing().execute();
            return find(shop, c.externalId()).orElseThrow();
        });
    }

    /**
     * Creates or updates the customer. An update older than the data held is ignored (webhooks arrive
     * out of order), and a redacted customer's personal data is never written again.
     */
    long upsert(ShopId shop, CustomerSnapshot c) {
        insert(shop, c)
                .onConflict(CUSTOMER.SHOP_ID, CUSTOMER.EXTERNAL_ID)
                .doUpdate()
                .set(CUSTOMER.EMAIL, c.email())
                .set(CUSTOMER.FIRST_NAME, c.firstName())
                .set(CUSTOMER.LAST_NAME, c.lastName())
                .set(CUSTOMER.LOCALE, c.locale())
                .set(CUSTOMER.ACCEPTS_MARKETING, c.acceptsMarketing())
                .set(CUSTOMER.SOURCE_UPDATED_AT, utc(c.updatedAt()))
                .where(CUSTOMER.REDACTED_AT.isNull())
                .and(
                        c.updatedAt() == null
                                ? noCondition()
                                : CUSTOMER.SOURCE_UPDATED_AT
                                        .isNull()
                                        .or(CUSTOMER.SOURCE_UPDATED_AT.le(utc(c.updatedAt()))))
                .execute();
        return find(shop, c.externalId()).orElseThrow();
    }

    /** Erases the customer's personal data; the row (and so the ledger) stays. */
    void redact(ShopId shop, String externalId, Instant at) {
        dsl.insertInto(CUSTOMER)
                .set(CUSTOMER.SHOP_ID, shop.value())
                .set(CUSTOMER.EXTERNAL_ID, externalId)
                .set(CUSTOMER.REDACTED_AT, utc(at))
                .onConflict(CUSTOMER.SHOP_ID, CUSTOMER.EXTERNAL_ID)
                .doUpdate()
                .set(CUSTOMER.EMAIL, (String) null)
                .set(CUSTOMER.FIRST_NAME, (String) null)
                .set(CUSTOMER.LAST_NAME, (String) null)
                .set(CUSTOMER.LOCALE, (String) null)
                .set(CUSTOMER.ACCEPTS_MARKETING, false)
                .set(CUSTOMER.REDACTED_AT, utc(at))
                .execute();
        // Emails to the customer hold their address, name and order details; the delivery log
        // (email_attempt) goes with them.
        dsl.deleteFrom(EMAIL_OUTBOX)
                .where(EMAIL_OUTBOX.SHOP_ID.eq(shop.value()))
                .and(EMAIL_OUTBOX.CUSTOMER_ID.eq(DSL.select(CUSTOMER.CUSTOMER_ID)
                        .from(CUSTOMER)
                        .where(CUSTOMER.SHOP_ID.eq(shop.value()))
                        .and(CUSTOMER.EXTERNAL_ID.eq(externalId))))
                .execute();
    }

    private org.jooq.InsertSetMoreStep<io.loyaltyloop.db.tables.records.CustomerRecord> insert(
            ShopId shop, CustomerSnapshot c) {
        return dsl.insertInto(CUSTOMER)
                .set(CUSTOMER.SHOP_ID, shop.value())
                .set(CUSTOMER.EXTERNAL_ID, c.externalId())
                .set(CUSTOMER.EMAIL, c.email())
                .set(CUSTOMER.FIRST_NAME, c.firstName())
                .set(CUSTOMER.LAST_NAME, c.lastName())
                .set(CUSTOMER.LOCALE, c.locale())
                .set(CUSTOMER.ACCEPTS_MARKETING, c.acceptsMarketing())
                .set(CUSTOMER.SOURCE_UPDATED_AT, c.updatedAt() == null ? null : utc(c.updatedAt()));
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
