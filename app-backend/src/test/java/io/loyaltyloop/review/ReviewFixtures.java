package io.loyaltyloop.review;

import static io.loyaltyloop.db.Tables.REVIEW;
import static io.loyaltyloop.db.Tables.SHOP_ORDER;

import io.loyaltyloop.shop.ShopId;
import org.jooq.DSLContext;

/** Looks up what the engine made of the test's orders, and what the tests stored. */
public final class ReviewFixtures {

    private ReviewFixtures() {}

    /** The engine's id of the host order. */
    public static long orderId(DSLContext dsl, ShopId shop, String externalOrderId) {
        return dsl.select(SHOP_ORDER.ORDER_ID)
                .from(SHOP_ORDER)
                .where(SHOP_ORDER.SHOP_ID.eq(shop.value()))
                .and(SHOP_ORDER.EXTERNAL_ID.eq(externalOrderId))
                .fetchSingle(SHOP_ORDER.ORDER_ID);
    }

    public static int reviewCount(DSLContext dsl, ShopId shop) {
        return dsl.fetchCount(REVIEW, REVIEW.SHOP_ID.eq(shop.value()));
    }

    /** The emailed link (absolute, on the public base URL) that invites a review of {@code productId}. */
    public static String linkFor(ReviewInvitations invitations, ShopId shop, long orderId, String productId) {
        return invitations.invitesFor(shop, orderId).stream()
                .filter(invite -> invite.productId().equals(productId))
                .findFirst()
                .orElseThrow()
                .url();
    }
}
