package io.loyaltyloop.shopify.sync;

import static io.loyaltyloop.db.Tables.CUSTOMER;
import static io.loyaltyloop.db.Tables.POINTS_ACCOUNT;
import static io.loyaltyloop.db.Tables.POINTS_MIRROR;
import static io.loyaltyloop.db.Tables.SHOP;

import io.loyaltyloop.shop.Platform;
import io.loyaltyloop.shop.ShopId;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * The balances to copy to Shopify ({@code points_mirror}). A database trigger marks a row dirty in
 * the transaction that changes the balance; taking rows moves their next attempt past a lease with
 * {@code skip locked}, so instances running at the same time take disjoint rows.
 */
class PointsMirrorRepository {

    /** Shopify customer ids are numbers; anything else (a guest, another platform) has no Customer. */
    private static final String SHOPIFY_CUSTOMER_ID = "^[0-9]{1,20}$";

    private final DSLContext dsl;

    PointsMirrorRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** A balance to send: the customer's current available points. */
    record Pending(ShopId shop, String shopDomain, long customerId, String externalId, long available, int attempts) {}

    /**
     * Clears the rows that will never be sent — redacted customers, customers without a Shopify
     * id, shops of other platforms — so they do not stay in the dirty index. Returns how many.
     */
    int dropUnmirrorable() {
        return dsl.update(POINTS_MIRROR)
                .set(POINTS_MIRROR.DIRTY, false)
                .set(POINTS_MIRROR.LAST_ERROR, "not mirrored: redacted, not a Shopify customer, or not a Shopify shop")
                .from(CUSTOMER, SHOP)
                .where(POINTS_MIRROR.DIRTY)
                .and(CUSTOMER.SHOP_ID.eq(POINTS_MIRROR.SHOP_ID))
                .and(CUSTOMER.CUSTOMER_ID.eq(POINTS_MIRROR.CUSTOMER_ID))
                .and(SHOP.SHOP_ID.eq(POINTS_MIRROR.SHOP_ID))
                .and(CUSTOMER.REDACTED_AT
                        .isNotNull()
                        .or(DSL.not(CUSTOMER.EXTERNAL_ID.likeRegex(SHOPIFY_CUSTOMER_ID)))
                        .or(SHOP.PLATFORM.ne(Platform.SHOPIFY.name())))
                .execute();
    }

    /**
     * Takes up to {@code limit} due dirty rows of installed Shopify shops until {@code leaseUntil},
     * grouped by shop, with the balance as it is now. An uninstalled shop's rows stay dirty for a
     * reinstall.
     */
    List<Pending> claimDue(Instant now, Instant leaseUntil, int limit) {
        var due = DSL.select(POINTS_MIRROR.SHOP_ID, POINTS_MIRROR.CUSTOMER_ID)
                .from(POINTS_MIRROR)
                .join(SHOP)
                .on(SHOP.SHOP_ID.eq(POINTS_MIRROR.SHOP_ID))
                .where(POINTS_MIRROR.DIRTY)
                .and(SHOP.STATUS.eq("ACTIVE"))
                .and(SHOP.PLATFORM.eq(Platform.SHOPIFY.name()))
                .and(POINTS_MIRROR.NEXT_ATTEMPT_AT.isNull().or(POINTS_MIRROR.NEXT_ATTEMPT_AT.le(at(now))))
                .orderBy(POINTS_MIRROR.SHOP_ID)
                .limit(limit)
                .forUpdate()
                .of(POINTS_MIRROR)
                .skipLocked()
                .asTable("due");
        var claimed = dsl.update(POINTS_MIRROR)
                .set(POINTS_MIRROR.NEXT_ATTEMPT_AT, at(leaseUntil))
                .from(due)
                .where(POINTS_MIRROR.SHOP_ID.eq(due.field(POINTS_MIRROR.SHOP_ID)))
                .and(POINTS_MIRROR.CUSTOMER_ID.eq(due.field(POINTS_MIRROR.CUSTOMER_ID)))
                .returning(POINTS_MIRROR.SHOP_ID, POINTS_MIRROR.CUSTOMER_ID)
                .fetch(r -> DSL.row(r.getShopId(), r.getCustomerId()));
        if (claimed.isEmpty()) {
            return List.of();
        }
        return dsl.select(
                        POINTS_MIRROR.SHOP_ID,
                        SHOP.PLATFORM_SHOP_KEY,
                        POINTS_MIRROR.CUSTOMER_ID,
                        CUSTOMER.EXTERNAL_ID,
                        POINTS_ACCOUNT.AVAILABLE,
                        POINTS_MIRROR.ATTEMPTS)
                .from(POINTS_MIRROR)
                .join(SHOP)
                .on(SHOP.SHOP_ID.eq(POINTS_MIRROR.SHOP_ID))
                .join(CUSTOMER)
                .on(CUSTOMER.SHOP_ID.eq(POINTS_MIRROR.SHOP_ID))
                .and(CUSTOMER.CUSTOMER_ID.eq(POINTS_MIRROR.CUSTOMER_ID))
                .join(POINTS_ACCOUNT)
                .on(POINTS_ACCOUNT.SHOP_ID.eq(POINTS_MIRROR.SHOP_ID))
                .and(POINTS_ACCOUNT.CUSTOMER_ID.eq(POINTS_MIRROR.CUSTOMER_ID))
                .where(DSL.row(POINTS_MIRROR.SHOP_ID, POINTS_MIRROR.CUSTOMER_ID).in(claimed))
                .orderBy(POINTS_MIRROR.SHOP_ID, POINTS_MIRROR.CUSTOMER_ID)
                .fetch(r -> new Pending(
                        new ShopId(r.value1()), r.value2(), r.value3(), r.value4(), r.value5(), r.value6()));
    }

    /**
     * Records a balance Shopify now holds. The row stays dirty if the balance moved while it was
     * being sent, so the newer value follows on the next run.
     */
    void mirrored(Pending sent, Instant now) {
        dsl.update(POINTS_MIRROR)
                .set(POINTS_MIRROR.MIRRORED_AVAILABLE, sent.available())
                .set(POINTS_MIRROR.MIRRORED_AT, at(now))
                .set(POINTS_MIRROR.ATTEMPTS, 0)
                .set(POINTS_MIRROR.LAST_ERROR, (String) null)
                .set(POINTS_MIRROR.NEXT_ATTEMPT_AT, (OffsetDateTime) null)
                .set(
                        POINTS_MIRROR.DIRTY,
                        DSL.field(DSL.select(POINTS_ACCOUNT.AVAILABLE.ne(sent.available()))
                                .from(POINTS_ACCOUNT)
                                .where(POINTS_ACCOUNT.SHOP_ID.eq(POINTS_MIRROR.SHOP_ID))
                                .and(POINTS_ACCOUNT.CUSTOMER_ID.eq(POINTS_MIRROR.CUSTOMER_ID))))
                .where(POINTS_MIRROR.SHOP_ID.eq(sent.shop().value()))
                .and(POINTS_MIRROR.CUSTOMER_ID.eq(sent.customerId()))
                .execute();
    }

    /** Schedules the next attempt of balances that failed, keeping the error for operators. */
    void failed(Pending pending, String error, Instant nextAttemptAt) {
        dsl.update(POINTS_MIRROR)
                .set(POINTS_MIRROR.ATTEMPTS, POINTS_MIRROR.ATTEMPTS.plus(1))
                .set(POINTS_MIRROR.LAST_ERROR, error)
                .set(POINTS_MIRROR.NEXT_ATTEMPT_AT, at(nextAttemptAt))
                .where(POINTS_MIRROR.SHOP_ID.eq(pending.shop().value()))
                .and(POINTS_MIRROR.CUSTOMER_ID.eq(pending.customerId()))
                .execute();
    }

    /** Makes taken balances due again at once: they were not sent, through no fault of their own. */
    void release(Collection<Pending> pending) {
        for (Pending p : pending) {
            dsl.update(POINTS_MIRROR)
                    .set(POINTS_MIRROR.NEXT_ATTEMPT_AT, (OffsetDateTime) null)
                    .where(POINTS_MIRROR.SHOP_ID.eq(p.shop().value()))
                    .and(POINTS_MIRROR.CUSTOMER_ID.eq(p.customerId()))
                    .execute();
        }
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
