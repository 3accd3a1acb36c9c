package io.loyaltyloop.email;

import static io.loyaltyloop.db.Tables.CUSTOMER;
import static io.loyaltyloop.db.Tables.EMAIL_UNSUBSCRIBE;

import io.loyaltyloop.shop.ShopId;
import java.time.Instant;
import java.time.ZoneOffset;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

/** Customers who asked for no more emails from a shop. */
@Repository
class UnsubscribeRepository {

    private final DSLContext dsl;

    UnsubscribeRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    boolean isUnsubscribed(ShopId shop, long customerId) {
        return dsl.fetchExists(
                EMAIL_UNSUBSCRIBE,
                EMAIL_UNSUBSCRIBE.SHOP_ID.eq(shop.value()).and(EMAIL_UNSUBSCRIBE.CUSTOMER_ID.eq(customerId)));
    }

    boolean customerExists(ShopId shop, long customerId) {
        return dsl.fetchExists(CUSTOMER, CUSTOMER.SHOP_ID.eq(shop.value()).and(CUSTOMER.CUSTOMER_ID.eq(customerId)));
    }

    /** @return false if the customer had unsubscribed already (nothing written) */
    boolean record(ShopId shop, long customerId, Instant at) {
        return dsl.insertInto(EMAIL_UNSUBSCRIBE)
                        .set(EMAIL_UNSUBSCRIBE.SHOP_ID, shop.value())
                        .set(EMAIL_UNSUBSCRIBE.CUSTOMER_ID, customerId)
                        .set(EMAIL_UNSUBSCRIBE.UNSUBSCRIBED_AT, at.atOffset(ZoneOffset.UTC))
                        .onConflictDoNothing()
                        .execute()
                == 1;
    }
}
