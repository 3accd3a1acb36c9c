package io.loyaltyloop.storefront;

import static io.loyaltyloop.db.Tables.CUSTOMER;
import static io.loyaltyloop.db.Tables.POINTS_ACCOUNT;
import static io.loyaltyloop.db.Tables.PROGRAM_VERSION;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.falseCondition;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.max;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.val;

import io.loyaltyloop.loyalty.TierSpend;
import io.loyaltyloop.review.OpenReviewItem;
import io.loyaltyloop.review.OpenReviewItems;
import io.loyaltyloop.reward.CustomerCode;
import io.loyaltyloop.reward.CustomerCodes;
import io.loyaltyloop.shop.ShopId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record1;
import org.jooq.Table;
import org.springframework.stereotype.Component;

/**
 * The storefront's reads: a shop's program version, and everything about one customer in one
 * query. The parts owned by other features (tier spend, codes, open reviews) are their own query
 * parts, nested here, so each has one definition.
 */
@Component
class StorefrontRepository {

    private final DSLContext dsl;

    StorefrontRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** 0 until the shop's program was first changed (the triggers create the row). */
    long programVersion(ShopId shop) {
        return dsl.select(PROGRAM_VERSION.VERSION)
                .from(PROGRAM_VERSION)
                .where(PROGRAM_VERSION.SHOP_ID.eq(shop.value()))
                .fetchOptional(PROGRAM_VERSION.VERSION)
                .orElse(0L);
    }

    /**
     * The shop's program version and, for a signed-in customer the shop knows, their name, points,
     * qualifying spend over the tier window, codes and open reviews: one query, one row.
     *
     * @param externalId the host's customer id; null for a guest
     */
    StateRead read(ShopId shop, String externalId, Instant tierWindowStart, Instant now, int maxCodes, int maxReviews) {
        Field<Long> shopId = val(shop.value());
        Table<Record1<Long>> program = select(
                        coalesce(max(PROGRAM_VERSION.VERSION), inline(0L)).as(PROGRAM_VERSION.VERSION))
                .from(PROGRAM_VERSION)
                .where(PROGRAM_VERSION.SHOP_ID.eq(shopId))
                .asTable("program");
        Field<BigDecimal> spend = field(TierSpend.asOf(shopId, CUSTOMER.CUSTOMER_ID, tierWindowStart, now, 0));
        Field<List<CustomerCode>> codes = CustomerCodes.newestFirst(shopId, CUSTOMER.CUSTOMER_ID, maxCodes);
        Field<List<OpenReviewItem>> reviews =
                OpenReviewItems.withinLinkValidity(shopId, CUSTOMER.CUSTOMER_ID, now, maxReviews);
        Condition theCustomer = externalId == null
                ? falseCondition()
                : CUSTOMER.SHOP_ID.eq(shopId).and(CUSTOMER.EXTERNAL_ID.eq(externalId));
        return dsl.select(
                        program.field(PROGRAM_VERSION.VERSION),
                        CUSTOMER.CUSTOMER_ID,
                        CUSTOMER.FIRST_NAME,
                        coalesce(POINTS_ACCOUNT.AVAILABLE, inline(0L)),
                        coalesce(POINTS_ACCOUNT.PENDING, inline(0L)),
                        coalesce(POINTS_ACCOUNT.LIFETIME_EARNED, inline(0L)),
                        spend,
                        codes,
                        reviews)
                .from(program)
                .leftJoin(CUSTOMER.leftJoin(POINTS_ACCOUNT)
                        .on(POINTS_ACCOUNT.SHOP_ID.eq(CUSTOMER.SHOP_ID))
                        .and(POINTS_ACCOUNT.CUSTOMER_ID.eq(CUSTOMER.CUSTOMER_ID)))
                .on(theCustomer)
                .fetchSingle(r -> new StateRead(
                        r.value1(),
                        r.value2() == null
                                ? Optional.empty()
                                : Optional.of(new CustomerState(
                                        r.value2(),
                                        r.value3(),
                                        r.value4(),
                                        r.value5(),
                                        r.value6(),
                                        r.value7(),
                                        r.value8(),
                                        r.value9()))));
    }

    /** The shop's program version as of the read, and the customer, if signed in and known. */
    record StateRead(long programVersion, Optional<CustomerState> customer) {}

    /** One known customer as the storefront shows them; points are zero before any account exists. */
    record CustomerState(
            long customerId,
            String firstName,
            long available,
            long pending,
            long lifetime,
            BigDecimal tierSpend,
            List<CustomerCode> codes,
            List<OpenReviewItem> openReviews) {}
}
