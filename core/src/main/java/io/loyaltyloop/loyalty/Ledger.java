package io.loyaltyloop.loyalty;

import static io.loyaltyloop.db.Tables.POINTS_ACCOUNT;
import static io.loyaltyloop.db.Tables.POINTS_LEDGER;
import static io.loyaltyloop.db.Tables.SHOP_ORDER;
import static io.loyaltyloop.db.Tables.TIER;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.greatest;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.noCondition;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.sum;

import io.loyaltyloop.shop.ShopId;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Field;

/**
 * The only writer of points: every change is one ledger entry plus the same change to the balance
 * row, in the caller's transaction. Callers lock the account first ({@link #lock}); locks are always
 * taken account before order, so concurrent work on one customer cannot deadlock.
 */
public class Ledger {

    private final DSLContext dsl;
    private final Clock clock;

    /**
     * {@code clock} dates the entries: the engine's clock, not the database's {@code now()}, so that
     * what the ledger says happened on a day agrees with the engine's own dates (release, expiry,
     * the dashboard) — also under a test's or the demo's accelerated clock.
     */
    public Ledger(DSLContext dsl, Clock clock) {
        this.dsl = dsl;
        this.clock = clock;
    }

    /** Locks the customer's balance row until the transaction ends, creating it if needed. */
    public Account lock(ShopId shop, long customerId) {
        return lockExisting(shop, customerId)
                .orElseGet(() -> dsl.insertInto(POINTS_ACCOUNT)
                        .set(POINTS_ACCOUNT.SHOP_ID, shop.value())
                        .set(POINTS_ACCOUNT.CUSTOMER_ID, customerId)
                        .onConflictDoNothing()
                        .returning(POINTS_ACCOUNT.CUSTOMER_ID, POINTS_ACCOUNT.PENDING, POINTS_ACCOUNT.AVAILABLE)
                        .fetchOptional(r -> new Account(r.getCustomerId(), r.getPending(), r.getAvailable()))
                        // Created by a concurrent transaction since our read: wait for it and lock it.
                        .orElseGet(() -> lockExisting(shop, customerId).orElseThrow()));
    }

    private Optional<Account> lockExisting(ShopId shop, long customerId) {
        return dsl.select(POINTS_ACCOUNT.CUSTOMER_ID, POINTS_ACCOUNT.PENDING, POINTS_ACCOUNT.AVAILABLE)
                .from(POINTS_ACCOUNT)
                .where(POINTS_ACCOUNT.SHOP_ID.eq(shop.value()))
                .and(POINTS_ACCOUNT.CUSTOMER_ID.eq(customerId))
                .forUpdate()
                .fetchOptional(r -> new Account(r.value1(), r.value2(), r.value3()));
    }

    /** Writes the entry and applies it to the (locked) balance. Returns the entry id. */
    public long post(ShopId shop, Posting p) {
        return post(shop, p, null, false);
    }

    /** Like {@link #post(ShopId, Posting)}, and sets the customer's tier in the same statement. */
    long post(ShopId shop, Posting p, Long tierId) {
        return post(shop, p, tierId, true);
    }

    private long post(ShopId shop, Posting p, Long tierId, boolean setTier) {
        OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
        long entryId = dsl.insertInto(POINTS_LEDGER)
                .set(POINTS_LEDGER.SHOP_ID, shop.value())
                .set(POINTS_LEDGER.CUSTOMER_ID, p.customerId())
                .set(POINTS_LEDGER.KIND, p.kind().name())
                .set(POINTS_LEDGER.PENDING_DELTA, p.pendingDelta())
                .set(POINTS_LEDGER.AVAILABLE_DELTA, p.availableDelta())
                .set(POINTS_LEDGER.SHORTFALL, p.shortfall())
                .set(POINTS_LEDGER.ORDER_ID, p.orderId())
                .set(POINTS_LEDGER.REDEMPTION_ID, p.redemptionId())
                .set(POINTS_LEDGER.SOURCE_EVENT_ID, p.sourceEventId())
                .set(POINTS_LEDGER.REASON, p.reason())
                .set(POINTS_LEDGER.ACTOR, p.actor())
                .set(POINTS_LEDGER.CREATED_AT, now)
                .returning(POINTS_LEDGER.ENTRY_ID)
                .fetchSingle(POINTS_LEDGER.ENTRY_ID);

        long total = p.pendingDelta() + p.availableDelta();
        var update = dsl.update(POINTS_ACCOUNT)
                .set(POINTS_ACCOUNT.PENDING, POINTS_ACCOUNT.PENDING.plus(p.pendingDelta()))
                .set(POINTS_ACCOUNT.AVAILABLE, POINTS_ACCOUNT.AVAILABLE.plus(p.availableDelta()))
                .set(POINTS_ACCOUNT.LIFETIME_EARNED, POINTS_ACCOUNT.LIFETIME_EARNED.plus(earnedPart(p.kind(), total)))
                .set(
                        POINTS_ACCOUNT.LIFETIME_REDEEMED,
                        POINTS_ACCOUNT.LIFETIME_REDEEMED.plus(redeemedPart(p.kind(), total)))
                .set(POINTS_ACCOUNT.UPDATED_AT, now);
        if (setTier) {
            update.set(POINTS_ACCOUNT.TIER_ID, tierId);
        }
        if (p.activityAt() != null) {
            update.set(POINTS_ACCOUNT.LAST_ACTIVITY_AT, utc(p.activityAt()))
                    .set(POINTS_ACCOUNT.EXPIRES_AT, p.expiresAt() == null ? null : utc(p.expiresAt()));
        }
        update.where(POINTS_ACCOUNT.SHOP_ID.eq(shop.value()))
                .and(POINTS_ACCOUNT.CUSTOMER_ID.eq(p.customerId()))
                .execute();
        return entryId;
    }

    /**
     * Accounts with available points past their expiry, oldest first, of installed shops only: an
     * uninstalled shop's points do not expire while nobody can spend them.
     */
    public List<AccountKey> dueForExpiry(Instant now, int limit) {
        return dsl.select(POINTS_ACCOUNT.SHOP_ID, POINTS_ACCOUNT.CUSTOMER_ID)
                .from(POINTS_ACCOUNT)
                .join(io.loyaltyloop.db.Tables.SHOP)
                .on(io.loyaltyloop.db.Tables.SHOP.SHOP_ID.eq(POINTS_ACCOUNT.SHOP_ID))
                .where(POINTS_ACCOUNT.EXPIRES_AT.le(utc(now)))
                .and(io.loyaltyloop.db.Tables.SHOP.STATUS.eq("ACTIVE"))
                .and(POINTS_ACCOUNT.AVAILABLE.gt(0L))
                .orderBy(POINTS_ACCOUNT.EXPIRES_AT)
                .limit(limit)
                .fetch(r -> new AccountKey(new ShopId(r.value1()), r.value2()));
    }

    public record AccountKey(ShopId shop, long customerId) {}

    /**
     * Sets every account of the shop to the tier its spend in [windowStart, now] reaches, in one
     * statement; only accounts whose tier changes are written. Returns how many changed.
     */
    public int refreshTiers(ShopId shop, Instant windowStart, Instant now) {
        Field<BigDecimal> spend = select(coalesce(
                        sum(greatest(
                                SHOP_ORDER.ELIGIBLE_AMOUNT.minus(SHOP_ORDER.REFUNDED_AMOUNT), inline(BigDecimal.ZERO))),
                        inline(BigDecimal.ZERO)))
                .from(SHOP_ORDER)
                .where(SHOP_ORDER.SHOP_ID.eq(POINTS_ACCOUNT.SHOP_ID))
                .and(SHOP_ORDER.CUSTOMER_ID.eq(POINTS_ACCOUNT.CUSTOMER_ID))
                .and(SHOP_ORDER.PAID_AT.between(utc(windowStart), utc(now)))
                .and(SHOP_ORDER.CANCELLED_AT.isNull())
                .asField();
        Field<Long> reached = select(TIER.TIER_ID)
                .from(TIER)
                .where(TIER.SHOP_ID.eq(POINTS_ACCOUNT.SHOP_ID))
                .and(TIER.MIN_SPEND.le(spend))
                .orderBy(TIER.MIN_SPEND.desc())
                .limit(1)
                .asField();
        var target = name("target")
                .fields("customer_id", "tier_id")
                .as(select(POINTS_ACCOUNT.CUSTOMER_ID, reached)
                        .from(POINTS_ACCOUNT)
                        .where(POINTS_ACCOUNT.SHOP_ID.eq(shop.value())));
        Field<Long> targetCustomer = target.field("customer_id", Long.class);
        Field<Long> targetTier = target.field("tier_id", Long.class);
        return dsl.with(target)
                .update(POINTS_ACCOUNT)
                .set(POINTS_ACCOUNT.TIER_ID, targetTier)
                .from(target)
                .where(POINTS_ACCOUNT.SHOP_ID.eq(shop.value()))
                .and(POINTS_ACCOUNT.CUSTOMER_ID.eq(targetCustomer))
                .and(POINTS_ACCOUNT.TIER_ID.isDistinctFrom(targetTier))
                .execute();
    }

    public void setTier(ShopId shop, long customerId, Long tierId) {
        dsl.update(POINTS_ACCOUNT)
                .set(POINTS_ACCOUNT.TIER_ID, tierId)
                .where(POINTS_ACCOUNT.SHOP_ID.eq(shop.value()))
                .and(POINTS_ACCOUNT.CUSTOMER_ID.eq(customerId))
                .and(POINTS_ACCOUNT.TIER_ID.isDistinctFrom(tierId))
                .execute();
    }

    public Optional<Balance> balance(ShopId shop, long customerId) {
        return dsl.select(
                        POINTS_ACCOUNT.PENDING,
                        POINTS_ACCOUNT.AVAILABLE,
                        POINTS_ACCOUNT.LIFETIME_EARNED,
                        POINTS_ACCOUNT.LIFETIME_REDEEMED,
                        TIER.NAME,
                        POINTS_ACCOUNT.EXPIRES_AT)
                .from(POINTS_ACCOUNT)
                .leftJoin(TIER)
                .on(TIER.SHOP_ID.eq(POINTS_ACCOUNT.SHOP_ID).and(TIER.TIER_ID.eq(POINTS_ACCOUNT.TIER_ID)))
                .where(POINTS_ACCOUNT.SHOP_ID.eq(shop.value()))
                .and(POINTS_ACCOUNT.CUSTOMER_ID.eq(customerId))
                .fetchOptional(r -> new Balance(
                        r.value1(),
                        r.value2(),
                        r.value3(),
                        r.value4(),
                        r.value5(),
                        r.value6() == null ? null : r.value6().toInstant()));
    }

    /** Up to {@code limit} of the customer's entries older than {@code beforeEntryId} (all when null), newest first. */
    public List<LedgerEntry> entries(ShopId shop, long customerId, Long beforeEntryId, int limit) {
        return dsl.select(
                        POINTS_LEDGER.ENTRY_ID,
                        POINTS_LEDGER.KIND,
                        POINTS_LEDGER.PENDING_DELTA,
                        POINTS_LEDGER.AVAILABLE_DELTA,
                        POINTS_LEDGER.SHORTFALL,
                        SHOP_ORDER.EXTERNAL_ID,
                        POINTS_LEDGER.REDEMPTION_ID,
                        POINTS_LEDGER.REASON,
                        POINTS_LEDGER.ACTOR,
                        POINTS_LEDGER.CREATED_AT)
                .from(POINTS_LEDGER)
                .leftJoin(SHOP_ORDER)
                .on(SHOP_ORDER.SHOP_ID.eq(POINTS_LEDGER.SHOP_ID).and(SHOP_ORDER.ORDER_ID.eq(POINTS_LEDGER.ORDER_ID)))
                .where(POINTS_LEDGER.SHOP_ID.eq(shop.value()))
                .and(POINTS_LEDGER.CUSTOMER_ID.eq(customerId))
                .and(beforeEntryId == null ? noCondition() : POINTS_LEDGER.ENTRY_ID.lt(beforeEntryId))
                .orderBy(POINTS_LEDGER.ENTRY_ID.desc())
                .limit(limit)
                .fetch(r -> new LedgerEntry(
                        r.value1(),
                        EntryKind.valueOf(r.value2()),
                        r.value3(),
                        r.value4(),
                        r.value5(),
                        r.value6(),
                        r.value7(),
                        r.value8(),
                        r.value9(),
                        r.value10().toInstant()));
    }

    private static long earnedPart(EntryKind kind, long total) {
        return switch (kind) {
            case EARN, REVERSE, REVIEW -> total;
            case ADJUST -> Math.max(total, 0);
            default -> 0;
        };
    }

    private static long redeemedPart(EntryKind kind, long total) {
        return switch (kind) {
            case REDEEM, REDEEM_REFUND -> -total;
            default -> 0;
        };
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
