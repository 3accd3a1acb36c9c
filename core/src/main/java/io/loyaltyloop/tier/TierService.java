package io.loyaltyloop.tier;

import static io.loyaltyloop.db.Tables.TIER;

import io.loyaltyloop.shop.ShopId;
import org.jooq.DSLContext;

/** Reads a shop's tier ladder. */
public class TierService {

    private final DSLContext dsl;

    public TierService(DSLContext dsl) {
        this.dsl = dsl;
    }

    public TierLadder ladder(ShopId shop) {
        return new TierLadder(dsl.selectFrom(TIER)
                .where(TIER.SHOP_ID.eq(shop.value()))
                .fetch(r -> new Tier(r.getTierId(), r.getName(), r.getMinSpend(), r.getEarnMultiplier())));
    }
}
