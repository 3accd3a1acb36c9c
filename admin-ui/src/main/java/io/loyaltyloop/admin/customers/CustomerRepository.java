package io.loyaltyloop.admin.customers;

import static io.loyaltyloop.db.Tables.CUSTOMER;
import static io.loyaltyloop.db.Tables.REDEMPTION;
import static io.loyaltyloop.db.Tables.SHOP_ORDER;

import io.loyaltyloop.shop.ShopId;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/**
 * What the customers screen reads and no engine facade offers: search, the profile, a page of the
 * ledger, orders and redemptions. Every query is filtered by the signed-in user's shop.
 */
@Repository
class CustomerRepository {

    private final DSLContext dsl;

    CustomerRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /**
     * Customers whose email, name or host id contains {@code query} (case-insensitive), newest first;
     * all of them when it is blank. One more than {@code limit} tells the caller there is a next page.
     */
    List<CustomerSummary> search(ShopId shop, String query, int limit, int offset) {
        Condition matches = DSL.trueCondition();
        if (!query.isBlank()) {
            String pattern = "%" + escapeLike(query) + "%";
            matches = CUSTOMER.EMAIL
                    .likeIgnoreCase(pattern, '!')
                    .or(CUSTOMER.EXTERNAL_ID.likeIgnoreCase(pattern, '!'))
                    .or(DSL.concat(
                                    DSL.coalesce(CUSTOMER.FIRST_NAME, ""),
                                    DSL.inline(" "),
                                    DSL.coalesce(CUSTOMER.LAST_NAME, ""))
                            .likeIgnoreCase(pattern, '!'));
        }
        return dsl.select(
                        CUSTOMER.EXTERNAL_ID,
                        CUSTOMER.EMAIL,
                        CUSTOMER.FIRST_NAME,
                        CUSTOMER.LAST_NAME,
                        CUSTOMER.REDACTED_AT)
                .from(CUSTOMER)
                .where(CUSTOMER.SHOP_ID.eq(shop.value()))
                .and(matches)
                .orderBy(CUSTOMER.CUSTOMER_ID.desc())
                .limit(limit)
                .offset(offset)
                .fetch(r -> new CustomerSummary(
                        r.value1(), r.value2(), fullName(r.value3(), r.value4()), r.value5() != null));
    }

    Optional<CustomerProfile> find(ShopId shop, String externalId) {
        return dsl.select(
                        CUSTOMER.CUSTOMER_ID,
                        CUSTOMER.EXTERNAL_ID,
                        CUSTOMER.EMAIL,
                        CUSTOMER.FIRST_NAME,
                        CUSTOMER.LAST_NAME,
                        CUSTOMER.CREATED_AT,
                        CUSTOMER.REDACTED_AT)
                .from(CUSTOMER)
                .where(CUSTOMER.SHOP_ID.eq(shop.value()))
                .and(CUSTOMER.EXTERNAL_ID.eq(externalId))
                .fetchOptional(r -> new CustomerProfile(
                        r.value1(),
                        r.value2(),
                        r.value3(),
                        fullName(r.value4(), r.value5()),
                        instant(r.value6()),
                        instant(r.value7())));
    }

    /** The customer's most recent orders, newest first. */
    List<CustomerOrder> orders(ShopId shop, long customerId, int limit) {
        return dsl.select(
                        SHOP_ORDER.ORDER_ID,
                        SHOP_ORDER.EXTERNAL_ID,
                        SHOP_ORDER.ORDER_NAME,
                        SHOP_ORDER.PAID_AT,
                        SHOP_ORDER.CANCELLED_AT,
                        SHOP_ORDER.POINTS_NET,
                        SHOP_ORDER.RELEASE_DUE_AT,
                        SHOP_ORDER.RELEASED_AT)
                .from(SHOP_ORDER)
                .where(SHOP_ORDER.SHOP_ID.eq(shop.value()))
                .and(SHOP_ORDER.CUSTOMER_ID.eq(customerId))
                .orderBy(SHOP_ORDER.ORDER_ID.desc())
                .limit(limit)
                .fetch(r -> new CustomerOrder(
                        r.value1(),
                        r.value2(),
                        r.value3(),
                        instant(r.value4()),
                        instant(r.value5()),
                        r.value6(),
                        instant(r.value7()),
                        instant(r.value8()),
                        List.of()));
    }

    List<CustomerRedemption> redemptions(ShopId shop, long customerId, int limit) {
        return dsl.select(
                        REDEMPTION.REDEMPTION_ID,
                        REDEMPTION.REWARD_KIND,
                        REDEMPTION.POINTS_COST,
                        REDEMPTION.DISCOUNT_CODE,
                        REDEMPTION.STATUS,
                        REDEMPTION.CREATED_AT)
                .from(REDEMPTION)
                .where(REDEMPTION.SHOP_ID.eq(shop.value()))
                .and(REDEMPTION.CUSTOMER_ID.eq(customerId))
                .orderBy(REDEMPTION.REDEMPTION_ID.desc())
                .limit(limit)
                .fetch(r -> new CustomerRedemption(
                        r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), instant(r.value6())));
    }

    private static String escapeLike(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }

    private static String fullName(String first, String last) {
        String name = ((first == null ? "" : first) + " " + (last == null ? "" : last)).strip();
        return name.isEmpty() ? null : name;
    }

    private static Instant instant(OffsetDateTime at) {
        return at == null ? null : at.toInstant();
    }
}
