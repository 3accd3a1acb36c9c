package io.loyaltyloop.privacy;

import static io.loyaltyloop.db.Tables.ADMIN_ACCOUNT;
import static io.loyaltyloop.db.Tables.AUDIT_LOG;
import static io.loyaltyloop.db.Tables.BROADLEAF_INBOX;
import static io.loyaltyloop.db.Tables.BROADLEAF_NONCE;
import static io.loyaltyloop.db.Tables.BROADLEAF_REVIEW_PUSH;
import static io.loyaltyloop.db.Tables.BROADLEAF_SITE;
import static io.loyaltyloop.db.Tables.CUSTOMER;
import static io.loyaltyloop.db.Tables.DATA_REQUEST_EXPORT;
import static io.loyaltyloop.db.Tables.EARNING_EXCLUSION;
import static io.loyaltyloop.db.Tables.EARNING_RULE;
import static io.loyaltyloop.db.Tables.EMAIL_ATTEMPT;
import static io.loyaltyloop.db.Tables.EMAIL_OUTBOX;
import static io.loyaltyloop.db.Tables.EMAIL_TEMPLATE;
import static io.loyaltyloop.db.Tables.EMAIL_UNSUBSCRIBE;
import static io.loyaltyloop.db.Tables.FULFILLMENT;
import static io.loyaltyloop.db.Tables.FULFILLMENT_MILESTONE;
import static io.loyaltyloop.db.Tables.JOURNEY_SETTINGS;
import static io.loyaltyloop.db.Tables.JOURNEY_STEP;
import static io.loyaltyloop.db.Tables.ORDER_IMPORT;
import static io.loyaltyloop.db.Tables.ORDER_LINE;
import static io.loyaltyloop.db.Tables.ORDER_REFUND;
import static io.loyaltyloop.db.Tables.POINTS_ACCOUNT;
import static io.loyaltyloop.db.Tables.POINTS_LEDGER;
import static io.loyaltyloop.db.Tables.POINTS_MIRROR;
import static io.loyaltyloop.db.Tables.PROCESSED_EVENT;
import static io.loyaltyloop.db.Tables.PROGRAM_SETTINGS;
import static io.loyaltyloop.db.Tables.PROGRAM_VERSION;
import static io.loyaltyloop.db.Tables.REDEMPTION;
import static io.loyaltyloop.db.Tables.REDEMPTION_ISSUE;
import static io.loyaltyloop.db.Tables.REFUND_LINE;
import static io.loyaltyloop.db.Tables.REVIEW;
import static io.loyaltyloop.db.Tables.REVIEW_SETTINGS;
import static io.loyaltyloop.db.Tables.REWARD;
import static io.loyaltyloop.db.Tables.SHOP;
import static io.loyaltyloop.db.Tables.SHOP_ACCESS_TOKEN;
import static io.loyaltyloop.db.Tables.SHOP_ORDER;
import static io.loyaltyloop.db.Tables.SURVEY_RESPONSE;
import static io.loyaltyloop.db.Tables.TIER;

import io.loyaltyloop.shop.ShopId;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;

/** Deletes a whole shop's rows; runs inside the caller's transaction. */
class ShopErasure {

    /**
     * Every tenant table but {@code shop}, children before parents. A new tenant table must be added
     * here; the erasure test finds any table with a {@code shop_id} left behind.
     */
    private static final List<Table<?>> CHILDREN_FIRST = List.of(
            // Reviews waiting for their Broadleaf site point at the review.
            BROADLEAF_REVIEW_PUSH,
            // Reviews point at the ledger entry of their incentive, and at orders and customers.
            REVIEW,
            SURVEY_RESPONSE,
            JOURNEY_STEP,
            FULFILLMENT_MILESTONE,
            JOURNEY_SETTINGS,
            EMAIL_ATTEMPT,
            EMAIL_OUTBOX,
            EMAIL_UNSUBSCRIBE,
            EMAIL_TEMPLATE,
            POINTS_LEDGER,
            REDEMPTION_ISSUE,
            REDEMPTION,
            REFUND_LINE,
            ORDER_REFUND,
            ORDER_LINE,
            ORDER_IMPORT,
            FULFILLMENT,
            SHOP_ORDER,
            POINTS_MIRROR,
            POINTS_ACCOUNT,
            CUSTOMER,
            PROCESSED_EVENT,
            AUDIT_LOG,
            ADMIN_ACCOUNT,
            DATA_REQUEST_EXPORT,
            SHOP_ACCESS_TOKEN,
            BROADLEAF_INBOX,
            BROADLEAF_NONCE,
            BROADLEAF_SITE,
            REWARD,
            TIER,
            EARNING_EXCLUSION,
            EARNING_RULE,
            PROGRAM_SETTINGS,
            REVIEW_SETTINGS,
            // Last: deleting the program tables above bumps it (the tombstone below no longer does).
            PROGRAM_VERSION);

    private final DSLContext dsl;

    ShopErasure(DSLContext dsl) {
        this.dsl = dsl;
    }

    void erase(ShopId shop, Instant at) {
        // The ledger's append-only trigger lets rows go only when the transaction says so; "local"
        // ends the permission with this transaction.
        dsl.execute("set local loyalty.ledger_purge = 'on'");
        for (Table<?> table : CHILDREN_FIRST) {
            @SuppressWarnings("unchecked")
            Field<Long> shopId = (Field<Long>) table.field("shop_id");
            dsl.deleteFrom(table).where(shopId.eq(shop.value())).execute();
        }
        // A tombstone, not a delete: late deliveries for the shop are then recognised as for an
        // erased shop, and a reinstall reuses the key. Nothing personal stays on it.
        dsl.update(SHOP)
                .set(SHOP.STATUS, "REDACTED")
                .set(SHOP.NAME, "")
                .set(SHOP.CONTACT_EMAIL, (String) null)
                .set(SHOP.UNINSTALLED_AT, org.jooq.impl.DSL.coalesce(SHOP.UNINSTALLED_AT, at.atOffset(ZoneOffset.UTC)))
                .where(SHOP.SHOP_ID.eq(shop.value()))
                .execute();
    }

    boolean erased(ShopId shop) {
        return dsl.fetchExists(SHOP, SHOP.SHOP_ID.eq(shop.value()).and(SHOP.STATUS.eq("REDACTED")));
    }
}
