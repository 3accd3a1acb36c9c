package io.loyaltyloop.loyalty;

import static io.loyaltyloop.db.Tables.REVIEW;
import static io.loyaltyloop.db.Tables.SURVEY_RESPONSE;

import io.loyaltyloop.shop.ShopId;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.jooq.DSLContext;

/**
 * Erases what a customer wrote when the host asks to redact them: the title, text and display name
 * of their reviews (and the merchant's reply to them, which answers that text), the link from the
 * review to the customer, and their survey comments. Ratings and scores stay: without text or name
 * they say nothing about anyone, and the shop's averages stay true. Runs in the caller's transaction.
 */
class CustomerContentErasure {

    private final DSLContext dsl;

    CustomerContentErasure(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Erases the content of the orders {@link OrdersToRedact} names, guest checkouts included. */
    void erase(ShopId shop, String externalCustomerId, List<String> externalOrderIds, Instant at) {
        var customerOrders = OrdersToRedact.of(shop, externalCustomerId, externalOrderIds);
        dsl.update(REVIEW)
                .set(REVIEW.TITLE, (String) null)
                .set(REVIEW.BODY, (String) null)
                .set(REVIEW.DISPLAY_NAME, (String) null)
                .set(REVIEW.MERCHANT_REPLY, (String) null)
                .set(REVIEW.REPLIED_AT, (OffsetDateTime) null)
                .set(REVIEW.CUSTOMER_ID, (Long) null)
                .set(REVIEW.REDACTED_AT, at.atOffset(ZoneOffset.UTC))
                .set(REVIEW.UPDATED_AT, at.atOffset(ZoneOffset.UTC))
                .where(REVIEW.SHOP_ID.eq(shop.value()))
                .and(REVIEW.ORDER_ID.in(customerOrders))
                .execute();
        dsl.update(SURVEY_RESPONSE)
                .set(SURVEY_RESPONSE.COMMENT, (String) null)
                .where(SURVEY_RESPONSE.SHOP_ID.eq(shop.value()))
                .and(SURVEY_RESPONSE.ORDER_ID.in(customerOrders))
                .execute();
    }
}
