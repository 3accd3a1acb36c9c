package io.loyaltyloop.broadleaf.reviews;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.loyaltyloop.db.Tables.BROADLEAF_REVIEW_PUSH;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.loyaltyloop.BackendTest;
import io.loyaltyloop.broadleaf.BroadleafFixtures;
import io.loyaltyloop.broadleaf.SiteSignatures;
import io.loyaltyloop.broadleaf.site.BroadleafSites;
import io.loyaltyloop.db.tables.records.BroadleafReviewPushRecord;
import io.loyaltyloop.lifecycle.OrderLine;
import io.loyaltyloop.loyalty.LoyaltyService;
import io.loyaltyloop.review.Review;
import io.loyaltyloop.review.ReviewFixtures;
import io.loyaltyloop.review.ReviewService;
import io.loyaltyloop.review.ReviewStatus;
import io.loyaltyloop.shop.Shop;
import io.loyaltyloop.shop.ShopService;
import io.loyaltyloop.testing.MutableClock;
import io.loyaltyloop.testing.Orders;
import io.loyaltyloop.testing.Shops;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Published reviews of a Broadleaf site written to the site's own ratings: WireMock plays the site,
 * and the signature it received is checked with the backend's own verifier.
 */
class BroadleafReviewPushTest extends BackendTest {

    private static final String CUSTOMER = "100";
    private static final String PRODUCT = "12";
    private static final String SITE_PATH = "/shop/loyalty-loop/reviews";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    BroadleafSites sites;

    @Autowired
    ReviewPushSweep sweep;

    @Autowired
    ReviewService reviews;

    @Autowired
    LoyaltyService loyalty;

    @Autowired
    ShopService shops;

    @Autowired
    DSLContext dsl;

    @Autowired
    MutableClock clock;

    private final WireMockServer site =
            new WireMockServer(WireMockConfiguration.options().dynamicPort());
    private BroadleafSites.Registered registered;
    private Shop shop;

    @BeforeEach
    void aRegisteredSite() {
        clock.set(START);
        site.start();
        registered = BroadleafFixtures.register(sites, "http://localhost:" + site.port() + "/shop");
        shop = registered.site().shop();
    }

    @AfterEach
    void stop() {
        site.stop();
        shops.uninstall(shop.id(), clock.instant());
        clock.set(START);
    }

    @Test
    void approvingAReviewPushesItToTheSiteOnceSigned() throws Exception {
        siteAnswers(okJson("{\"stored\":true}"));
        Review review = review(shop, 3, "Fits well", "Warm & soft");
        assertThat(review.status()).isEqualTo(ReviewStatus.PENDING);
        sweep.sweepOnce();
        assertThat(site.getAllServeEvents()).as("nothing before the approval").isEmpty();

        clock.advance(Duration.ofMinutes(5));
        reviews.approve(shop.id(), review.reviewId(), "owner@site.test");
        sweep.sweepOnce();
        sweep.sweepOnce();

        List<ServeEvent> calls = site.getAllServeEvents();
        assertThat(calls).hasSize(1);
        JsonNode sent = JSON.readTree(calls.getFirst().getRequest().getBodyAsString());
        assertThat(sent.get("reviewId").asString()).isEqualTo(Long.toString(review.reviewId()));
        assertThat(sent.get("productId").asString()).isEqualTo(PRODUCT);
        assertThat(sent.get("customerId").asString()).isEqualTo(CUSTOMER);
        assertThat(sent.get("rating").isInt()).isTrue();
        assertThat(sent.get("rating").asInt()).isEqualTo(3);
        assertThat(sent.get("title").asString()).isEqualTo("Fits well");
        assertThat(sent.get("body").asString()).isEqualTo("Warm & soft");
        assertThat(sent.get("approvedAt").asString()).isEqualTo(clock.instant().toString());
        SiteSignatures.assertSignedBySite(calls.getFirst(), registered, clock.instant(), SITE_PATH);
        BroadleafReviewPushRecord push = push(review);
        assertThat(push.getStatus()).isEqualTo("DONE");
        assertThat(push.getStored()).isTrue();
    }

    @Test
    void aSiteThatIsAwayGetsTheReviewAfterTheBackoffOnce() {
        siteAnswers(aResponse().withStatus(503));
        Review review = review(shop, 5, "Great", "Love it");

        sweep.sweepOnce();
        assertThat(push(review).getStatus()).isEqualTo("PENDING");
        assertThat(push(review).getLastError()).contains("503");

        site.resetAll();
        siteAnswers(okJson("{\"stored\":true}"));
        sweep.sweepOnce();
        assertThat(site.getAllServeEvents()).as("still in its backoff").isEmpty();

        clock.advance(Duration.ofSeconds(31));
        sweep.sweepOnce();
        sweep.sweepOnce();

        assertThat(site.getAllServeEvents()).hasSize(1);
        assertThat(push(review).getStatus()).isEqualTo("DONE");
    }

    @Test
    void aReviewTheSiteRefusesIsGivenUpWithTheReason() {
        siteAnswers(aResponse()
                .withStatus(400)
                .withHeader("Content-Type", "application/problem+json")
                .withBody("{\"code\":\"unknown-product\",\"detail\":\"no product 12\"}"));
        Review review = review(shop, 5, "Great", "Love it");

        sweep.sweepOnce();
        clock.advance(Duration.ofDays(1));
        sweep.sweepOnce();

        assertThat(site.getAllServeEvents()).hasSize(1);
        BroadleafReviewPushRecord push = push(review);
        assertThat(push.getStatus()).isEqualTo("GAVE_UP");
        assertThat(push.getLastError()).contains("400", "unknown-product");
    }

    @Test
    void aGuestsReviewIsGivenUpWithoutACall() {
        siteAnswers(okJson("{\"stored\":true}"));
        Orders order = Orders.order(shop.id()).guest().line(hat());
        Review review = ReviewFixtures.reviewed(dsl, loyalty, reviews, order, 5, "Great", "Love it");

        sweep.sweepOnce();

        assertThat(site.getAllServeEvents()).isEmpty();
        BroadleafReviewPushRecord push = push(review);
        assertThat(push.getStatus()).isEqualTo("GAVE_UP");
        assertThat(push.getLastError()).contains("no customer");
    }

    @Test
    void aShopifyShopsApprovedReviewIsNeverPushed() {
        Shop shopify = Shops.newShop(dsl);
        Review review = review(shopify, 3, "Fine", "It is fine");

        reviews.approve(shopify.id(), review.reviewId(), "owner@shop.test");

        assertThat(reviews.getReview(shopify.id(), review.reviewId()).status()).isEqualTo(ReviewStatus.PUBLISHED);
        assertThat(dsl.fetchCount(
                        BROADLEAF_REVIEW_PUSH,
                        BROADLEAF_REVIEW_PUSH.SHOP_ID.eq(shopify.id().value())))
                .isZero();
    }

    @Test
    void twoSweepsAtOnceDeliverTheReviewOnce() throws Exception {
        // Slow enough that the second sweep starts while the first is still calling the site.
        siteAnswers(okJson("{\"stored\":true}").withFixedDelay(300));
        Review review = review(shop, 5, "Great", "Love it");
        CountDownLatch start = new CountDownLatch(1);

        List<CompletableFuture<Integer>> runs = List.of(
                CompletableFuture.supplyAsync(() -> afterLatch(start)),
                CompletableFuture.supplyAsync(() -> afterLatch(start)));
        start.countDown();
        CompletableFuture.allOf(runs.toArray(CompletableFuture[]::new)).get();

        assertThat(site.getAllServeEvents()).hasSize(1);
        assertThat(push(review).getStatus()).isEqualTo("DONE");
    }

    private int afterLatch(CountDownLatch start) {
        try {
            start.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return sweep.sweepOnce();
    }

    private void siteAnswers(ResponseDefinitionBuilder answer) {
        site.stubFor(post(urlPathEqualTo(SITE_PATH)).willReturn(answer));
    }

    /** A review of product 12 by customer 100: pending below the default auto-publish rating of 4. */
    private Review review(Shop of, int rating, String title, String body) {
        Orders order = Orders.order(of.id()).customer(CUSTOMER).line(hat());
        return ReviewFixtures.reviewed(dsl, loyalty, reviews, order, rating, title, body);
    }

    private static OrderLine hat() {
        return new OrderLine(
                "1", PRODUCT, "13", "SKU-12", "Wool hat", "Acme", "Hats", 1, new BigDecimal("10.00"), false);
    }

    private BroadleafReviewPushRecord push(Review review) {
        return dsl.fetchSingle(
                BROADLEAF_REVIEW_PUSH,
                BROADLEAF_REVIEW_PUSH
                        .SHOP_ID
                        .eq(shop.id().value())
                        .and(BROADLEAF_REVIEW_PUSH.REVIEW_ID.eq(review.reviewId())));
    }
}
