package io.loyaltyloop.tier;

import static io.loyaltyloop.db.Tables.POINTS_ACCOUNT;
import static io.loyaltyloop.db.Tables.TIER;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.select;

import io.loyaltyloop.db.tables.records.TierRecord;
import io.loyaltyloop.shop.ShopId;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;

class TierRepository {

    private final DSLContext dsl;

    TierRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    List<Tier> tiers(ShopId shop) {
        return dsl.selectFrom(TIER).where(TIER.SHOP_ID.eq(shop.value())).fetch(TierRepository::toTier);
    }

    /**
     * The tiers and how many accounts each holds, in one query: a full join of the shop's tiers and
     * accounts, so accounts in no tier come out as the row without a tier.
     */
    TierMembership membership(ShopId shop) {
        var tiers = select(TIER.TIER_ID, TIER.NAME, TIER.MIN_SPEND, TIER.EARN_MULTIPLIER)
                .from(TIER)
                .where(TIER.SHOP_ID.eq(shop.value()))
                .asTable("t");
        var accounts = select(POINTS_ACCOUNT.CUSTOMER_ID, POINTS_ACCOUNT.TIER_ID)
                .from(POINTS_ACCOUNT)
                .where(POINTS_ACCOUNT.SHOP_ID.eq(shop.value()))
                .asTable("a");
        var tierId = tiers.field(TIER.TIER_ID);
        var name = tiers.field(TIER.NAME);
        var minSpend = tiers.field(TIER.MIN_SPEND);
        var multiplier = tiers.field(TIER.EARN_MULTIPLIER);
        var members = count(accounts.field(POINTS_ACCOUNT.CUSTOMER_ID));
        List<TierMembership.Rung> rungs = new ArrayList<>();
        long below = 0;
        for (var r : dsl.select(tierId, name, minSpend, multiplier, members)
                .from(tiers)
                .fullJoin(accounts)
                .on(accounts.field(POINTS_ACCOUNT.TIER_ID).eq(tierId))
                .groupBy(tierId, name, minSpend, multiplier)
                .fetch()) {
            if (r.value1() == null) {
                below = r.value5();
            } else {
                rungs.add(
                        new TierMembership.Rung(new Tier(r.value1(), r.value2(), r.value3(), r.value4()), r.value5()));
            }
        }
        rungs.sort(Comparator.comparing(rung -> rung.tier().minSpend()));
        return new TierMembership(List.copyOf(rungs), below);
    }

    Optional<Tier> lock(ShopId shop, long tierId) {
        return dsl.selectFrom(TIER)
                .where(TIER.SHOP_ID.eq(shop.value()))
                .and(TIER.TIER_ID.eq(tierId))
                .forUpdate()
                .fetchOptional(TierRepository::toTier);
    }

    /** Another tier of the shop that starts at the same spend (numerically: 500 = 500.00). */
    Optional<Tier> startingAt(ShopId shop, BigDecimal minSpend, Long exceptTierId) {
        var query = dsl.selectFrom(TIER).where(TIER.SHOP_ID.eq(shop.value())).and(TIER.MIN_SPEND.eq(minSpend));
        if (exceptTierId != null) {
            query = query.and(TIER.TIER_ID.ne(exceptTierId));
        }
        return query.fetchOptional(TierRepository::toTier);
    }

    Tier insert(ShopId shop, TierDraft draft) {
        return dsl.insertInto(TIER)
                .set(TIER.SHOP_ID, shop.value())
                .set(TIER.NAME, draft.name())
                .set(TIER.MIN_SPEND, draft.minSpend())
                .set(TIER.EARN_MULTIPLIER, draft.earnMultiplier())
                .returning()
                .fetchSingle(TierRepository::toTier);
    }

    Tier update(ShopId shop, long tierId, TierDraft draft) {
        return dsl.update(TIER)
                .set(TIER.NAME, draft.name())
                .set(TIER.MIN_SPEND, draft.minSpend())
                .set(TIER.EARN_MULTIPLIER, draft.earnMultiplier())
                .where(TIER.SHOP_ID.eq(shop.value()))
                .and(TIER.TIER_ID.eq(tierId))
                .returning()
                .fetchSingle(TierRepository::toTier);
    }

    /** Takes the tier's members out of it (before it is deleted); returns how many there were. */
    int releaseMembers(ShopId shop, long tierId) {
        return dsl.update(POINTS_ACCOUNT)
                .setNull(POINTS_ACCOUNT.TIER_ID)
                .where(POINTS_ACCOUNT.SHOP_ID.eq(shop.value()))
                .and(POINTS_ACCOUNT.TIER_ID.eq(tierId))
                .execute();
    }

    void delete(ShopId shop, long tierId) {
        dsl.deleteFrom(TIER)
                .where(TIER.SHOP_ID.eq(shop.value()))
                .and(TIER.TIER_ID.eq(tierId))
                .execute();
    }

    private static Tier toTier(TierRecord r) {
        return new Tier(r.getTierId(), r.getName(), r.getMinSpend(), r.getEarnMultiplier());
    }
}
