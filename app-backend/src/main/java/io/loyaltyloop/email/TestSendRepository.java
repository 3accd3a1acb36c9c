package io.loyaltyloop.email;

import static io.loyaltyloop.db.Tables.EMAIL_OUTBOX;
import static io.loyaltyloop.db.Tables.SHOP;

import io.loyaltyloop.shop.ShopId;
import java.time.Instant;
import java.time.ZoneOffset;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

/**
 * The admin's test sends: outbox rows keyed {@code admin-test:<uuid>}, counted per shop for the
 * hourly limit. Counting and the following insert happen under the shop row's lock, so two requests
 * on two instances cannot both take the last allowed send.
 */
@Repository
class TestSendRepository {

    static final String KEY_PREFIX = "admin-test:";

    private final DSLContext dsl;

    TestSendRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /**
     * Locks the shop row until the transaction ends ({@code FOR NO KEY UPDATE}: rows referencing the
     * shop can still be written meanwhile) and counts its test sends since {@code since}.
     */
    int lockShopAndCountSince(ShopId shop, Instant since) {
        dsl.select(SHOP.SHOP_ID)
                .from(SHOP)
                .where(SHOP.SHOP_ID.eq(shop.value()))
                .forNoKeyUpdate()
                .fetch();
        // The predicate is the partial index's (V17), word for word, so the planner can use it.
        return dsl.fetchCount(
                EMAIL_OUTBOX,
                EMAIL_OUTBOX.SHOP_ID.eq(shop.value()),
                EMAIL_OUTBOX.IDEMPOTENCY_KEY.like(KEY_PREFIX + "%"),
                EMAIL_OUTBOX.CREATED_AT.gt(since.atOffset(ZoneOffset.UTC)));
    }
}
