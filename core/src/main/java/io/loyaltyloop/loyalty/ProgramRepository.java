package io.loyaltyloop.loyalty;

import static io.loyaltyloop.db.Tables.EARNING_EXCLUSION;
import static io.loyaltyloop.db.Tables.EARNING_RULE;
import static io.loyaltyloop.db.Tables.PROGRAM_SETTINGS;
import static io.loyaltyloop.db.Tables.SHOP;
import static io.loyaltyloop.db.Tables.TIER;
import static org.jooq.impl.DSL.multiset;
import static org.jooq.impl.DSL.select;

import io.loyaltyloop.shop.ShopId;
import io.loyaltyloop.shop.ShopNotFoundException;
import io.loyaltyloop.shop.ShopRows;
import io.loyaltyloop.tier.Tier;
import io.loyaltyloop.tier.TierLadder;
import org.jooq.DSLContext;

/** Reads a shop's whole program in one query (nested collections as jOOQ multisets). */
class ProgramRepository {

    private final DSLContext dsl;

    ProgramRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    Program load(ShopId shop) {
        var exclusions = multiset(select(EARNING_EXCLUSION.MATCH_FIELD, EARNING_EXCLUSION.MATCH_VALUE)
                        .from(EARNING_EXCLUSION)
                        .where(EARNING_EXCLUSION.SHOP_ID.eq(SHOP.SHOP_ID)))
                .convertFrom(r -> r.map(e -> new Program.Exclusion(e.value1(), e.value2())));
        var tiers = multiset(select(TIER.TIER_ID, TIER.NAME, TIER.MIN_SPEND, TIER.EARN_MULTIPLIER)
                        .from(TIER)
                        .where(TIER.SHOP_ID.eq(SHOP.SHOP_ID)))
                .convertFrom(r -> new TierLadder(r.map(t -> new Tier(t.value1(), t.value2(), t.value3(), t.value4()))));
        return dsl.select(
                        SHOP, PROGRAM_SETTINGS, EARNING_RULE.POINTS_PER_UNIT, EARNING_RULE.ROUNDING, exclusions, tiers)
                .from(SHOP)
                .join(PROGRAM_SETTINGS)
                .on(PROGRAM_SETTINGS.SHOP_ID.eq(SHOP.SHOP_ID))
                .join(EARNING_RULE)
                .on(EARNING_RULE.SHOP_ID.eq(SHOP.SHOP_ID).and(EARNING_RULE.ACTIVE.isTrue()))
                .where(SHOP.SHOP_ID.eq(shop.value()))
                .fetchOptional(r -> new Program(
                        ShopRows.toShop(r.value1()),
                        ShopRows.toSettings(r.value2()),
                        r.value3(),
                        Rounding.valueOf(r.value4()),
                        r.value5(),
                        r.value6()))
                .orElseThrow(() -> new ShopNotFoundException(shop.toString()));
    }
}
