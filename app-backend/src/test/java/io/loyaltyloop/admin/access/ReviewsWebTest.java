package io.loyaltyloop.admin.access;

import static io.loyaltyloop.admin.access.AdminFixtures.PASSWORD;
import static io.loyaltyloop.db.Tables.AUDIT_LOG;
import static io.loyaltyloop.db.Tables.POINTS_LEDGER;

import io.loyaltyloop.review.Review;
import io.loyaltyloop.review.ReviewFixtures;
import io.loyaltyloop.review.ReviewService;
import io.loyaltyloop.review.ReviewStatus;
import io.loyaltyloop.shop.Shop;
import io.loyaltyloop.shopify.auth.SessionTokens;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The Reviews screen's shop: an owner, a staff member, a named customer with three pending reviews
 * (rated 3, 2 and 1) and one published at once (rated 5).
 */
abstract class ReviewsWebTest extends AdminWebTest {

    @Autowired
    AdminAccounts accounts;

    @Autowired
    ReviewService reviews;

    Shop shop;
    String customer;
    Review tooSmall;
    Review faded;
    Review neverAgain;
    Review lovely;

    @BeforeEach
    void shopWithReviews() {
        shop = AdminFixtures.shopWithMembers(dsl, loyalty, 0);
        customer = "customer-" + UUID.randomUUID();
        tooSmall = review(shop, "a", 3, "Too small", "Runs a size small.");
        faded = review(shop, "b", 2, "Colour faded", "Faded after one wash.");
        neverAgain = review(shop, "a", 1, "Never again", "It tore at once.");
        lovely = review(shop, "c", 5, "Lovely shirt", "Soft and warm.");
        ReviewFixtures.name(dsl, shop.id(), customer, "ottilie@example.test", "Ottilie", "Featherstone");
        accounts.create(shop.id(), "owner@shop.test", PASSWORD, AdminRole.OWNER);
        accounts.create(shop.id(), "staff@shop.test", PASSWORD, AdminRole.STAFF);
    }

    Review review(Shop in, String product, int rating, String title, String body) {
        return ReviewFixtures.reviewed(dsl, loyalty, reviews, in.id(), customer, product, rating, title, body);
    }

    void signInAsOwner() {
        client.login(shop.platformShopKey(), "owner@shop.test", PASSWORD);
    }

    void signInAsStaff() {
        client.login(shop.platformShopKey(), "staff@shop.test", PASSWORD);
    }

    String csrf() {
        return AdminClient.csrfTokenOf(client.get("/admin/reviews").body());
    }

    ReviewStatus status(Review review) {
        return reviews.getReview(shop.id(), review.reviewId()).status();
    }

    int reviewCredits() {
        return dsl.fetchCount(
                POINTS_LEDGER, POINTS_LEDGER.SHOP_ID.eq(shop.id().value()).and(POINTS_LEDGER.KIND.eq("REVIEW")));
    }

    int audits(String action) {
        return dsl.fetchCount(AUDIT_LOG, AUDIT_LOG.SHOP_ID.eq(shop.id().value()).and(AUDIT_LOG.ACTION.eq(action)));
    }

    /** Every audit entry of the shop. */
    int audits() {
        return dsl.fetchCount(AUDIT_LOG, AUDIT_LOG.SHOP_ID.eq(shop.id().value()));
    }

    String bearer() {
        return "Bearer " + SessionTokens.token(SHOPIFY_SECRET, shop.platformShopKey(), clock.instant());
    }
}
