package io.loyaltyloop.review;

import static io.loyaltyloop.db.Tables.CUSTOMER;
import static io.loyaltyloop.db.Tables.REVIEW;
import static io.loyaltyloop.db.Tables.SHOP_ORDER;

import io.loyaltyloop.loyalty.LoyaltyService;
import io.loyaltyloop.shop.ShopId;
import io.loyaltyloop.testing.Orders;
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

    /**
     * A review of product {@code "product-" + line} ("Item " + line) by {@code customer}, on a new
     * paid order of theirs, taken through the service as the review form would: published at once
     * or pending by the shop's rule.
     */
    public static Review reviewed(
            DSLContext dsl,
            LoyaltyService loyalty,
            ReviewService reviews,
            ShopId shop,
            String customer,
            String line,
            int rating,
            String title,
            String body) {
        return reviewed(
                dsl, loyalty, reviews, Orders.order(shop).customer(customer).line(line, "10.00"), rating, title, body);
    }

    /** A review of the first line of {@code order} (paid now), taken through the service as the form would. */
    public static Review reviewed(
            DSLContext dsl,
            LoyaltyService loyalty,
            ReviewService reviews,
            Orders order,
            int rating,
            String title,
            String body) {
        ShopId shop = order.shop();
        loyalty.apply(order.paid());
        long orderId = orderId(dsl, shop, order.id());
        ReviewableItem item = reviews.items(shop, orderId).getFirst();
        return reviews.submit(
                        new ReviewLink(shop, orderId, item.productId()),
                        item,
                        ReviewForm.validate(String.valueOf(rating), title, body, "Ada"))
                .orElseThrow();
    }

    /** Gives the customer a name and email, as a customers/update webhook would have stored them. */
    public static void name(DSLContext dsl, ShopId shop, String customer, String email, String first, String last) {
        dsl.update(CUSTOMER)
                .set(CUSTOMER.EMAIL, email)
                .set(CUSTOMER.FIRST_NAME, first)
                .set(CUSTOMER.LAST_NAME, last)
                .where(CUSTOMER.SHOP_ID.eq(shop.value()))
                .and(CUSTOMER.EXTERNAL_ID.eq(customer))
                .execute();
    }
}
