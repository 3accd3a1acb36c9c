package io.loyaltyloop.review;

import static io.loyaltyloop.db.Tables.REVIEW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loyaltyloop.BackendTest;
import io.loyaltyloop.lifecycle.CustomerRedacted;
import io.loyaltyloop.loyalty.EntryKind;
import io.loyaltyloop.loyalty.LedgerEntry;
import io.loyaltyloop.loyalty.LedgerVerifier;
import io.loyaltyloop.loyalty.LoyaltyService;
import io.loyaltyloop.privacy.PrivacyService;
import io.loyaltyloop.shop.Shop;
import io.loyaltyloop.testing.MutableClock;
import io.loyaltyloop.testing.Orders;
import io.loyaltyloop.testing.Shops;
import java.time.Instant;
import java.util.List;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Moderation and the review incentive, on the real database and ledger. */
class ReviewModerationTest extends BackendTest {

    @Autowired
    DSLContext dsl;

    @Autowired
    LoyaltyService loyalty;

    @Autowired
    ReviewService reviews;

    @Autowired
    LedgerVerifier verifier;

    @Autowired
    PrivacyService privacy;

    @Autowired
    MutableClock clock;

    Shop shop;
    String customer = "customer-" + java.util.UUID.randomUUID();

    @BeforeEach
    void shop() {
        shop = Shops.newShop(dsl);
    }

    @Test
    void publishesAGoodReviewAtOnceAndCreditsTheIncentiveThroughTheLedger() {
        Review review = submit(5, "Lovely shirt");

        assertThat(review.status()).isEqualTo(ReviewStatus.PUBLISHED);
        assertThat(review.incentivized()).isTrue();
        assertThat(loyalty.balance(shop.id(), customer).orElseThrow().available())
                .isEqualTo(50);
        assertThat(reviewEntries()).singleElement().satisfies(entry -> {
            assertThat(entry.availableDelta()).isEqualTo(50);
            assertThat(entry.reason()).isEqualTo("review:" + review.reviewId());
        });
        assertThat(verifier.verify(shop.id(), m -> {}).ok()).isTrue();
    }

    @Test
    void holdsALowRatingForTheMerchantWithoutPoints() {
        Review review = submit(3, "It is fine");

        assertThat(review.status()).isEqualTo(ReviewStatus.PENDING);
        assertThat(review.incentivized()).isFalse();
        assertThat(reviewEntries()).isEmpty();
        assertThat(reviews.list(shop.id(), ReviewQuery.pending()))
                .extracting(Review::reviewId)
                .containsExactly(review.reviewId());
        assertThat(reviews.published(shop.id(), review.productId(), 10)).isEmpty();
    }

    @Test
    void holdsAReviewWithABlockedWordWholeWordAnyCase() {
        reviews.updateSettings(shop.id(), new ReviewSettings(true, 4, List.of("scam"), 50, 5), "owner@shop.test");

        Review blocked = submit(5, "Total SCAM, but I love it");
        Review fine = submit(5, "The scampi print is great");

        assertThat(blocked.status()).isEqualTo(ReviewStatus.PENDING);
        assertThat(fine.status()).isEqualTo(ReviewStatus.PUBLISHED);
    }

    @Test
    void approvingCreditsOnceHoweverOftenItIsApproved() {
        Review review = submit(2, "Too small for me");

        reviews.approve(shop.id(), review.reviewId(), "owner@shop.test");
        Review again = reviews.approve(shop.id(), review.reviewId(), "owner@shop.test");

        assertThat(again.status()).isEqualTo(ReviewStatus.PUBLISHED);
        assertThat(again.incentivized()).isTrue();
        assertThat(reviewEntries()).hasSize(1);
        assertThat(loyalty.balance(shop.id(), customer).orElseThrow().available())
                .isEqualTo(50);
    }

    @Test
    void rejectsWithAReasonAndApprovingLaterStillCreditsOnce() {
        Review review = submit(1, "Bad");

        Review rejected = reviews.reject(shop.id(), review.reviewId(), "Mentions another customer", "owner@shop.test");
        assertThat(rejected.status()).isEqualTo(ReviewStatus.REJECTED);
        assertThat(rejected.rejectReason()).isEqualTo("Mentions another customer");
        assertThat(reviews.published(shop.id(), review.productId(), 10)).isEmpty();

        Review approved = reviews.approve(shop.id(), review.reviewId(), "owner@shop.test");
        assertThat(approved.rejectReason()).isNull();
        reviews.reject(shop.id(), review.reviewId(), "Changed my mind", "owner@shop.test");
        reviews.approve(shop.id(), review.reviewId(), "owner@shop.test");
        assertThat(reviewEntries()).hasSize(1);
    }

    @Test
    void refusesARejectionWithoutAReasonAndChangesNothing() {
        Review review = submit(1, "Bad");

        assertThatThrownBy(() -> reviews.reject(shop.id(), review.reviewId(), "  ", "owner@shop.test"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> reviews.reject(shop.id(), review.reviewId(), "x".repeat(501), "owner@shop.test"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(reviews.getReview(shop.id(), review.reviewId()).status()).isEqualTo(ReviewStatus.PENDING);
    }

    @Test
    void keepsTheMerchantsReplyAndRemovesItWhenBlank() {
        Review review = submit(5, "Great");

        Review replied = reviews.reply(shop.id(), review.reviewId(), "Thank you, Ada!", "owner@shop.test");
        assertThat(replied.merchantReply()).isEqualTo("Thank you, Ada!");
        assertThat(replied.repliedAt()).isEqualTo(clock.instant());

        assertThat(reviews.reply(shop.id(), review.reviewId(), " ", "owner@shop.test")
                        .merchantReply())
                .isNull();
        assertThatThrownBy(() -> reviews.reply(shop.id(), review.reviewId(), "x".repeat(5001), "owner@shop.test"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void capsTheIncentivePerCustomerPerCalendarMonthOfTheShop() {
        reviews.updateSettings(shop.id(), new ReviewSettings(true, 4, List.of(), 30, 2), "owner@shop.test");
        Instant before = clock.instant();
        try {
            // The shop is in New York: 1 December 04:59 UTC is still 30 November there, 05:00 is December.
            clock.set(Instant.parse("2026-11-15T12:00:00Z"));
            List<Review> november = List.of(submit(5, "one"), submit(5, "two"), submit(5, "three"));
            assertThat(november).extracting(Review::incentivized).containsExactly(true, true, false);
            assertThat(november).extracting(Review::status).containsOnly(ReviewStatus.PUBLISHED);
            // Not the balance: at this time the release job may make the orders' own points available.
            assertThat(reviewEntries()).extracting(LedgerEntry::availableDelta).containsExactly(30L, 30L);

            clock.set(Instant.parse("2026-12-01T04:59:00Z"));
            assertThat(submit(5, "four").incentivized()).isFalse();
            clock.set(Instant.parse("2026-12-01T05:00:00Z"));
            assertThat(submit(5, "five").incentivized()).isTrue();
        } finally {
            clock.set(before);
        }
        assertThat(verifier.verify(shop.id(), m -> {}).ok()).isTrue();
    }

    @Test
    void concurrentApprovalsKeepToTheCapAndCreditEachReviewOnce() throws Exception {
        reviews.updateSettings(shop.id(), new ReviewSettings(true, 5, List.of(), 50, 2), "owner@shop.test");
        List<Review> pending = List.of(submit(3, "a"), submit(3, "b"), submit(3, "c"), submit(3, "d"));

        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(8)) {
            var start = new java.util.concurrent.CountDownLatch(1);
            var approvals = new java.util.ArrayList<java.util.concurrent.Future<Review>>();
            for (int round = 0; round < 2; round++) {
                for (Review review : pending) {
                    approvals.add(pool.submit(() -> {
                        start.await();
                        return reviews.approve(shop.id(), review.reviewId(), "owner@shop.test");
                    }));
                }
            }
            start.countDown();
            for (var approval : approvals) {
                approval.get(30, java.util.concurrent.TimeUnit.SECONDS);
            }
        }

        assertThat(reviews.list(shop.id(), ReviewQuery.all()))
                .filteredOn(Review::incentivized)
                .hasSize(2);
        assertThat(reviewEntries()).hasSize(2);
        assertThat(loyalty.balance(shop.id(), customer).orElseThrow().available())
                .isEqualTo(100);
        assertThat(verifier.verify(shop.id(), m -> {}).ok()).isTrue();
    }

    @Test
    void givesNoPointsWhenTheIncentiveIsOffOrTheOrderHasNoCustomer() {
        reviews.updateSettings(shop.id(), new ReviewSettings(true, 4, List.of(), 0, 5), "owner@shop.test");
        assertThat(submit(5, "great").incentivized()).isFalse();

        reviews.updateSettings(shop.id(), ReviewSettings.DEFAULTS, "owner@shop.test");
        Orders guest = Orders.order(shop.id()).guest().line("a", "10.00");
        loyalty.apply(guest.paid());
        long orderId = ReviewFixtures.orderId(dsl, shop.id(), guest.id());
        ReviewableItem item = reviews.items(shop.id(), orderId).getFirst();
        Review review = reviews.submit(
                        new ReviewLink(shop.id(), orderId, item.productId()),
                        item,
                        ReviewForm.validate("5", null, "great", null))
                .orElseThrow();
        assertThat(review.status()).isEqualTo(ReviewStatus.PUBLISHED);
        assertThat(review.incentivized()).isFalse();
    }

    @Test
    void aggregatesOnlyPublishedRatings() {
        Review five = submit(5, "great");
        submit(4, "good");
        submit(1, "bad");

        ProductRating rating = reviews.rating(shop.id(), five.productId());

        assertThat(rating.count()).isEqualTo(2);
        assertThat(rating.average()).isEqualByComparingTo("4.5");
        assertThat(reviews.rating(shop.id(), "no-such-product").average()).isNull();
    }

    @Test
    void customerRedactionErasesNameTextAndLinkButKeepsTheRatingAndTheBooks() {
        Review review = submit(5, "I live at 1 Main Street");
        reviews.reply(shop.id(), review.reviewId(), "Thanks, Ada", "owner@shop.test");

        loyalty.apply(new CustomerRedacted(shop.id(), "redact-" + customer, clock.instant(), customer));

        var row = dsl.selectFrom(REVIEW)
                .where(REVIEW.SHOP_ID.eq(shop.id().value()))
                .and(REVIEW.REVIEW_ID.eq(review.reviewId()))
                .fetchSingle();
        assertThat(row.getBody()).isNull();
        assertThat(row.getTitle()).isNull();
        assertThat(row.getDisplayName()).isNull();
        assertThat(row.getMerchantReply()).isNull();
        assertThat(row.getCustomerId()).isNull();
        assertThat(row.getRating()).isEqualTo((short) 5);
        assertThat(reviews.published(shop.id(), review.productId(), 10)).isEmpty();
        assertThat(reviews.rating(shop.id(), review.productId()).count()).isEqualTo(1);
        assertThat(verifier.verify(shop.id(), m -> {}).ok()).isTrue();
    }

    @Test
    void customerRedactionAlsoErasesTheReviewOfAGuestOrderTheHostNames() {
        // given a guest checkout, never linked to the customer, reviewed with personal text
        Orders guestOrder = Orders.order(shop.id()).guest().line("a", "10.00");
        loyalty.apply(guestOrder.paid());
        long orderId = ReviewFixtures.orderId(dsl, shop.id(), guestOrder.id());
        ReviewableItem item = reviews.items(shop.id(), orderId).getFirst();
        Review review = reviews.submit(
                        new ReviewLink(shop.id(), orderId, item.productId()),
                        item,
                        ReviewForm.validate("5", "Lovely", "Send the next one to 1 Main Street", "Ada"))
                .orElseThrow();

        // when the host redacts the customer and names that order (Shopify's orders_to_redact)
        loyalty.apply(new CustomerRedacted(
                shop.id(), "redact-guest-" + customer, clock.instant(), customer, List.of(guestOrder.id())));

        // then its text and name are gone, the rating stays
        var row = dsl.selectFrom(REVIEW)
                .where(REVIEW.SHOP_ID.eq(shop.id().value()))
                .and(REVIEW.REVIEW_ID.eq(review.reviewId()))
                .fetchSingle();
        assertThat(row.getBody()).isNull();
        assertThat(row.getTitle()).isNull();
        assertThat(row.getDisplayName()).isNull();
        assertThat(row.getRating()).isEqualTo((short) 5);
    }

    @Test
    void aDataRequestIncludesTheCustomersReviews() {
        submit(4, "Warm and soft");

        privacy.exportCustomerData(shop.id(), "req-" + customer, customer);

        assertThat(privacy.findExport(shop.id(), "req-" + customer)
                        .orElseThrow()
                        .json())
                .contains("\"body\": \"Warm and soft\"", "\"rating\": 4", "\"survey_answers\": []");
    }

    @Test
    void shopErasureRemovesReviewsAndSettings() {
        submit(5, "great");
        reviews.updateSettings(shop.id(), new ReviewSettings(true, 3, List.of("x"), 10, 1), "owner@shop.test");

        privacy.eraseShop(shop.id());

        assertThat(ReviewFixtures.reviewCount(dsl, shop.id())).isZero();
        assertThat(reviews.settings(shop.id())).isEqualTo(ReviewSettings.DEFAULTS);
    }

    @Test
    void anotherShopCannotModerateThisShopsReview() {
        Review review = submit(2, "meh");
        Shop other = Shops.newShop(dsl);

        assertThatThrownBy(() -> reviews.approve(other.id(), review.reviewId(), "intruder"))
                .isInstanceOf(ReviewNotFoundException.class);
        assertThatThrownBy(() -> reviews.reject(other.id(), review.reviewId(), "no", "intruder"))
                .isInstanceOf(ReviewNotFoundException.class);
        assertThatThrownBy(() -> reviews.reply(other.id(), review.reviewId(), "hi", "intruder"))
                .isInstanceOf(ReviewNotFoundException.class);
        assertThat(reviews.getReview(shop.id(), review.reviewId()).status()).isEqualTo(ReviewStatus.PENDING);
    }

    /** A new paid order of the customer with one product, reviewed through the service. */
    private Review submit(int rating, String body) {
        Orders order = Orders.order(shop.id()).customer(customer).line("a", "10.00");
        loyalty.apply(order.paid());
        long orderId = ReviewFixtures.orderId(dsl, shop.id(), order.id());
        ReviewableItem item = reviews.items(shop.id(), orderId).getFirst();
        return reviews.submit(
                        new ReviewLink(shop.id(), orderId, item.productId()),
                        item,
                        ReviewForm.validate(String.valueOf(rating), null, body, "Ada"))
                .orElseThrow();
    }

    private List<LedgerEntry> reviewEntries() {
        return loyalty.ledger(shop.id(), customer, 100).stream()
                .filter(entry -> entry.kind() == EntryKind.REVIEW)
                .toList();
    }
}
