package io.loyaltyloop.privacy;

import static io.loyaltyloop.db.Tables.CUSTOMER;
import static io.loyaltyloop.db.Tables.DATA_REQUEST_EXPORT;
import static io.loyaltyloop.db.Tables.POINTS_ACCOUNT;
import static io.loyaltyloop.db.Tables.POINTS_LEDGER;
import static io.loyaltyloop.db.Tables.REDEMPTION;
import static io.loyaltyloop.db.Tables.REVIEW;
import static io.loyaltyloop.db.Tables.SHOP_ORDER;
import static io.loyaltyloop.db.Tables.SURVEY_RESPONSE;
import static io.loyaltyloop.db.Tables.TIER;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.jsonbArrayAgg;
import static org.jooq.impl.DSL.jsonbObject;
import static org.jooq.impl.DSL.key;
import static org.jooq.impl.DSL.select;

import io.loyaltyloop.shop.ShopId;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.JSONB;

/** Data request answers: built from the customer's rows in one statement, and read back. */
class DataExportRepository {

    private static final JSONB EMPTY_ARRAY = JSONB.valueOf("[]");

    private final DSLContext dsl;

    DataExportRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Inserts the answer unless the request has one; returns whether it inserted. */
    boolean insertIfAbsent(ShopId shop, String dataRequestId, String externalCustomerId, Instant at) {
        return dsl.insertInto(DATA_REQUEST_EXPORT)
                        .set(DATA_REQUEST_EXPORT.SHOP_ID, shop.value())
                        .set(DATA_REQUEST_EXPORT.DATA_REQUEST_ID, dataRequestId)
                        .set(DATA_REQUEST_EXPORT.CUSTOMER_EXTERNAL_ID, externalCustomerId)
                        .set(DATA_REQUEST_EXPORT.CREATED_AT, at.atOffset(ZoneOffset.UTC))
                        .set(DATA_REQUEST_EXPORT.PAYLOAD, payload(shop, externalCustomerId))
                        .onConflict(DATA_REQUEST_EXPORT.SHOP_ID, DATA_REQUEST_EXPORT.DATA_REQUEST_ID)
                        .doNothing()
                        .execute()
                > 0;
    }

    Optional<DataExport> find(ShopId shop, String dataRequestId) {
        return dsl.selectFrom(DATA_REQUEST_EXPORT)
                .where(DATA_REQUEST_EXPORT.SHOP_ID.eq(shop.value()))
                .and(DATA_REQUEST_EXPORT.DATA_REQUEST_ID.eq(dataRequestId))
                .fetchOptional(r -> new DataExport(
                        r.getDataRequestId(),
                        r.getCustomerExternalId(),
                        r.getCreatedAt().toInstant(),
                        r.getPayload().data()));
    }

    /**
     * {customer, reviews, survey_answers, balance, ledger, orders, redemptions}: customer and balance are null and the lists
     * empty when nothing is held for the customer. Order ids are the host's; our internal ids are
     * left out.
     */
    private Field<JSONB> payload(ShopId shop, String externalCustomerId) {
        long s = shop.value();
        Field<Long> customerId = field(select(CUSTOMER.CUSTOMER_ID)
                .from(CUSTOMER)
                .where(CUSTOMER.SHOP_ID.eq(s))
                .and(CUSTOMER.EXTERNAL_ID.eq(externalCustomerId)));
        Field<JSONB> customer = field(select(jsonbObject(
                        key("id").value(CUSTOMER.EXTERNAL_ID),
                        key("email").value(CUSTOMER.EMAIL),
                        key("first_name").value(CUSTOMER.FIRST_NAME),
                        key("last_name").value(CUSTOMER.LAST_NAME),
                        key("locale").value(CUSTOMER.LOCALE),
                        key("accepts_marketing").value(CUSTOMER.ACCEPTS_MARKETING),
                        key("created_at").value(CUSTOMER.CREATED_AT),
                        key("redacted_at").value(CUSTOMER.REDACTED_AT)))
                .from(CUSTOMER)
                .where(CUSTOMER.SHOP_ID.eq(s))
                .and(CUSTOMER.CUSTOMER_ID.eq(customerId)));
        Field<JSONB> balance = field(select(jsonbObject(
                        key("pending").value(POINTS_ACCOUNT.PENDING),
                        key("available").value(POINTS_ACCOUNT.AVAILABLE),
                        key("lifetime_earned").value(POINTS_ACCOUNT.LIFETIME_EARNED),
                        key("lifetime_redeemed").value(POINTS_ACCOUNT.LIFETIME_REDEEMED),
                        key("tier").value(TIER.NAME),
                        key("expires_at").value(POINTS_ACCOUNT.EXPIRES_AT)))
                .from(POINTS_ACCOUNT)
                .leftJoin(TIER)
                .on(TIER.SHOP_ID.eq(POINTS_ACCOUNT.SHOP_ID))
                .and(TIER.TIER_ID.eq(POINTS_ACCOUNT.TIER_ID))
                .where(POINTS_ACCOUNT.SHOP_ID.eq(s))
                .and(POINTS_ACCOUNT.CUSTOMER_ID.eq(customerId)));
        Field<JSONB> ledger = field(select(coalesce(
                        jsonbArrayAgg(jsonbObject(
                                        key("kind").value(POINTS_LEDGER.KIND),
                                        key("pending_delta").value(POINTS_LEDGER.PENDING_DELTA),
                                        key("available_delta").value(POINTS_LEDGER.AVAILABLE_DELTA),
                                        key("order_id").value(SHOP_ORDER.EXTERNAL_ID),
                                        key("reason").value(POINTS_LEDGER.REASON),
                                        key("created_at").value(POINTS_LEDGER.CREATED_AT)))
                                .orderBy(POINTS_LEDGER.ENTRY_ID),
                        inline(EMPTY_ARRAY)))
                .from(POINTS_LEDGER)
                .leftJoin(SHOP_ORDER)
                .on(SHOP_ORDER.SHOP_ID.eq(POINTS_LEDGER.SHOP_ID))
                .and(SHOP_ORDER.ORDER_ID.eq(POINTS_LEDGER.ORDER_ID))
                .where(POINTS_LEDGER.SHOP_ID.eq(s))
                .and(POINTS_LEDGER.CUSTOMER_ID.eq(customerId)));
        Field<JSONB> orders = field(select(coalesce(
                        jsonbArrayAgg(jsonbObject(
                                        key("id").value(SHOP_ORDER.EXTERNAL_ID),
                                        key("name").value(SHOP_ORDER.ORDER_NAME),
                                        key("currency").value(SHOP_ORDER.CURRENCY),
                                        key("placed_at").value(SHOP_ORDER.PLACED_AT),
                                        key("paid_at").value(SHOP_ORDER.PAID_AT),
                                        key("cancelled_at").value(SHOP_ORDER.CANCELLED_AT),
                                        key("eligible_amount").value(SHOP_ORDER.ELIGIBLE_AMOUNT),
                                        key("refunded_amount").value(SHOP_ORDER.REFUNDED_AMOUNT),
                                        key("points").value(SHOP_ORDER.POINTS_NET)))
                                .orderBy(SHOP_ORDER.ORDER_ID),
                        inline(EMPTY_ARRAY)))
                .from(SHOP_ORDER)
                .where(SHOP_ORDER.SHOP_ID.eq(s))
                .and(SHOP_ORDER.CUSTOMER_ID.eq(customerId)));
        Field<JSONB> redemptions = field(select(coalesce(
                        jsonbArrayAgg(jsonbObject(
                                        key("reward_kind").value(REDEMPTION.REWARD_KIND),
                                        key("discount_value").value(REDEMPTION.DISCOUNT_VALUE),
                                        key("points_cost").value(REDEMPTION.POINTS_COST),
                                        key("discount_code").value(REDEMPTION.DISCOUNT_CODE),
                                        key("status").value(REDEMPTION.STATUS),
                                        key("created_at").value(REDEMPTION.CREATED_AT)))
                                .orderBy(REDEMPTION.REDEMPTION_ID),
                        inline(EMPTY_ARRAY)))
                .from(REDEMPTION)
                .where(REDEMPTION.SHOP_ID.eq(s))
                .and(REDEMPTION.CUSTOMER_ID.eq(customerId)));
        // What the customer wrote about the orders: reviews and survey answers, found by order.
        Field<JSONB> reviews = field(select(coalesce(
                        jsonbArrayAgg(jsonbObject(
                                        key("order_id").value(SHOP_ORDER.EXTERNAL_ID),
                                        key("product_id").value(REVIEW.PRODUCT_ID),
                                        key("rating").value(REVIEW.RATING),
                                        key("title").value(REVIEW.TITLE),
                                        key("body").value(REVIEW.BODY),
                                        key("display_name").value(REVIEW.DISPLAY_NAME),
                                        key("status").value(REVIEW.STATUS),
                                        key("submitted_at").value(REVIEW.SUBMITTED_AT)))
                                .orderBy(REVIEW.REVIEW_ID),
                        inline(EMPTY_ARRAY)))
                .from(REVIEW)
                .join(SHOP_ORDER)
                .on(SHOP_ORDER.SHOP_ID.eq(REVIEW.SHOP_ID))
                .and(SHOP_ORDER.ORDER_ID.eq(REVIEW.ORDER_ID))
                .where(REVIEW.SHOP_ID.eq(s))
                .and(SHOP_ORDER.CUSTOMER_ID.eq(customerId)));
        Field<JSONB> surveys = field(select(coalesce(
                        jsonbArrayAgg(jsonbObject(
                                        key("order_id").value(SHOP_ORDER.EXTERNAL_ID),
                                        key("type").value(SURVEY_RESPONSE.SURVEY_TYPE),
                                        key("score").value(SURVEY_RESPONSE.SCORE),
                                        key("comment").value(SURVEY_RESPONSE.COMMENT),
                                        key("responded_at").value(SURVEY_RESPONSE.RESPONDED_AT)))
                                .orderBy(SURVEY_RESPONSE.RESPONDED_AT),
                        inline(EMPTY_ARRAY)))
                .from(SURVEY_RESPONSE)
                .join(SHOP_ORDER)
                .on(SHOP_ORDER.SHOP_ID.eq(SURVEY_RESPONSE.SHOP_ID))
                .and(SHOP_ORDER.ORDER_ID.eq(SURVEY_RESPONSE.ORDER_ID))
                .where(SURVEY_RESPONSE.SHOP_ID.eq(s))
                .and(SHOP_ORDER.CUSTOMER_ID.eq(customerId)));
        return field(select(jsonbObject(
                key("customer").value(customer),
                key("reviews").value(reviews),
                key("survey_answers").value(surveys),
                key("balance").value(balance),
                key("ledger").value(ledger),
                key("orders").value(orders),
                key("redemptions").value(redemptions))));
    }
}
