package io.loyaltyloop.shopify.sync;

import static io.loyaltyloop.db.Tables.REDEMPTION;
import static io.loyaltyloop.db.Tables.REDEMPTION_ISSUE;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.val;

import io.loyaltyloop.admin.activity.DeliveryHealth.RewardCodes;
import io.loyaltyloop.admin.activity.DeliveryHealth.StuckRedemption;
import io.loyaltyloop.reward.RedemptionStatus;
import io.loyaltyloop.shop.ShopId;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

/**
 * One shop's reward issuing for the admin's delivery health: redemptions whose code is still to be
 * created in the host store (RESERVED, with the issuer's schedule row if it has one), and those whose
 * issuing failed in the last 7 days (their points were given back). Read only.
 */
@Repository
public class IssuingHealthRepository {

    private static final Duration FAILED_WINDOW = Duration.ofDays(7);

    private final DSLContext dsl;

    IssuingHealthRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    public RewardCodes report(ShopId shop, Instant now, int limit) {
        var since = now.minus(FAILED_WINDOW).atOffset(ZoneOffset.UTC);
        Condition reserved = REDEMPTION.STATUS.eq(RedemptionStatus.RESERVED.name());
        Condition failedLately = REDEMPTION
                .STATUS
                .eq(RedemptionStatus.FAILED.name())
                .and(coalesce(REDEMPTION.SETTLED_AT, REDEMPTION.CREATED_AT).ge(since));
        var counts = dsl.select(count().filterWhere(reserved), count().filterWhere(failedLately))
                .from(REDEMPTION)
                .where(REDEMPTION.SHOP_ID.eq(shop.value()))
                .and(REDEMPTION.STATUS.in(RedemptionStatus.RESERVED.name(), RedemptionStatus.FAILED.name()))
                .fetchSingle();
        var list = dsl.select(
                        REDEMPTION.REDEMPTION_ID,
                        REDEMPTION.STATUS,
                        REDEMPTION.REWARD_KIND,
                        REDEMPTION.POINTS_COST,
                        REDEMPTION.CREATED_AT,
                        coalesce(REDEMPTION_ISSUE.ATTEMPTS, val(0)),
                        coalesce(REDEMPTION.FAILURE_REASON, REDEMPTION_ISSUE.LAST_ERROR))
                .from(REDEMPTION)
                .leftJoin(REDEMPTION_ISSUE)
                .on(REDEMPTION_ISSUE.SHOP_ID.eq(REDEMPTION.SHOP_ID))
                .and(REDEMPTION_ISSUE.REDEMPTION_ID.eq(REDEMPTION.REDEMPTION_ID))
                .where(REDEMPTION.SHOP_ID.eq(shop.value()))
                .and(reserved.or(failedLately))
                .orderBy(REDEMPTION.CREATED_AT.desc(), REDEMPTION.REDEMPTION_ID.desc())
                .limit(limit)
                .fetch(r -> new StuckRedemption(
                        r.value1(),
                        r.value2(),
                        r.value3(),
                        r.value4(),
                        r.value5().toInstant(),
                        r.value6(),
                        r.value7()));
        return new RewardCodes(counts.value1(), counts.value2(), list);
    }
}
