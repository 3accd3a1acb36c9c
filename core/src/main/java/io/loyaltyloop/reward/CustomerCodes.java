package io.loyaltyloop.reward;

import static io.loyaltyloop.db.Tables.REDEMPTION;
import static io.loyaltyloop.db.Tables.REWARD;
import static org.jooq.impl.DSL.multiset;
import static org.jooq.impl.DSL.select;

import java.util.List;
import org.jooq.Field;

/**
 * The one definition of the codes a customer sees, as a query part: {@link RewardService#codes}
 * reads it, and read models nest it into their own single query (the storefront's customer state).
 */
public final class CustomerCodes {

    private CustomerCodes() {}

    /**
     * The customer's codes not given back (reserved or issued), newest first, at most {@code limit}.
     *
     * @param customerId the engine's internal customer id (usually a correlated column)
     */
    public static Field<List<CustomerCode>> newestFirst(Field<Long> shopId, Field<Long> customerId, int limit) {
        return multiset(select(
                                REDEMPTION.REDEMPTION_ID,
                                REWARD.NAME,
                                REDEMPTION.DISCOUNT_CODE,
                                REDEMPTION.STATUS,
                                REDEMPTION.CREATED_AT)
                        .from(REDEMPTION)
                        .join(REWARD)
                        .on(REWARD.SHOP_ID.eq(REDEMPTION.SHOP_ID).and(REWARD.REWARD_ID.eq(REDEMPTION.REWARD_ID)))
                        .where(REDEMPTION.SHOP_ID.eq(shopId))
                        .and(REDEMPTION.CUSTOMER_ID.eq(customerId))
                        .and(REDEMPTION.STATUS.ne(RedemptionStatus.FAILED.name()))
                        .orderBy(REDEMPTION.CREATED_AT.desc(), REDEMPTION.REDEMPTION_ID.desc())
                        .limit(limit))
                .convertFrom(rows -> rows.map(r -> new CustomerCode(
                        r.value1(),
                        r.value2(),
                        r.value3(),
                        RedemptionStatus.valueOf(r.value4()),
                        r.value5().toInstant())));
    }
}
