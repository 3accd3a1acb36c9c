package io.loyaltyloop.storefront;

import static org.assertj.core.api.Assertions.assertThat;

import io.loyaltyloop.BackendTest;
import io.loyaltyloop.loyalty.LoyaltyService;
import io.loyaltyloop.review.ReviewFixtures;
import io.loyaltyloop.review.ReviewInvitations;
import io.loyaltyloop.review.ReviewInvite;
import io.loyaltyloop.shop.Shop;
import io.loyaltyloop.system.PageClient;
import io.loyaltyloop.testing.MutableClock;
import io.loyaltyloop.testing.Orders;
import io.loyaltyloop.testing.Shops;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.w3c.dom.Document;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Published reviews through Shopify's signed app proxy, and the product ratings feed. */
class ProductReviewsProxyTest extends BackendTest {

    @Autowired
    DSLContext dsl;

    @Autowired
    LoyaltyService loyalty;

    @Autowired
    ReviewInvitations invitations;

    @Autowired
    MutableClock clock;

    @LocalServerPort
    int port;

    PageClient browser;
    Shop shop;

    @BeforeEach
    void reviewedProduct() {
        browser = new PageClient(port);
        shop = Shops.newShop(dsl);
        review(5, "<script>alert(1)</script> Great", "Ada");
        review(4, "Good", "");
        review(1, "Held for the merchant", "Bo");
    }

    @Test
    void answersPublishedReviewsAndTheAggregateToASignedRequest() {
        HttpResponse<String> answer = browser.get("/proxy/products/product-a/reviews?" + signed(""));

        assertThat(answer.statusCode()).isEqualTo(200);
        JsonNode body = JsonMapper.builder().build().readTree(answer.body());
        assertThat(body.get("reviewCount").asLong()).isEqualTo(2);
        assertThat(body.get("averageRating").decimalValue()).isEqualByComparingTo("4.5");
        assertThat(body.get("reviews")).hasSize(2);
        assertThat(body.at("/reviews/0/verifiedBuyer").asBoolean()).isTrue();
        List<String> bodies = body.get("reviews")
                .valueStream()
                .map(r -> r.get("body").asString())
                .toList();
        assertThat(bodies).containsExactlyInAnyOrder("<script>alert(1)</script> Great", "Good");
        assertThat(body.get("reviews").valueStream().map(r -> r.get("author").asString()))
                .containsExactlyInAnyOrder("Ada", "Verified buyer");
        // and Google's Product snippet for the product page, named after the ordered item
        assertThat(body.at("/jsonLd/@type").asString()).isEqualTo("Product");
        assertThat(body.at("/jsonLd/name").asString()).isNotBlank();
        assertThat(body.at("/jsonLd/aggregateRating/reviewCount").asLong()).isEqualTo(2);
        assertThat(body.at("/jsonLd/review")).hasSize(2);
    }

    @Test
    void limitsTheListToTheSignedLimit() {
        HttpResponse<String> answer = browser.get("/proxy/products/product-a/reviews?" + signed("limit=1&"));
        HttpResponse<String> tooMany = browser.get("/proxy/products/product-a/reviews?" + signed("limit=51&"));

        assertThat(JsonMapper.builder().build().readTree(answer.body()).get("reviews"))
                .hasSize(1);
        assertThat(tooMany.statusCode()).isEqualTo(400);
    }

    @Test
    void refusesUnsignedStaleTamperedAndAmbiguousRequests() {
        String good = signed("");
        String stale = sign(query("", clock.instant().getEpochSecond() - 91));
        String tampered = good.replace("shop=" + shop.platformShopKey(), "shop=other-shop.myshopify.com");
        String doubled = good + "&shop=" + shop.platformShopKey();

        for (String query : List.of("", "shop=" + shop.platformShopKey(), stale, tampered, doubled)) {
            HttpResponse<String> answer = browser.get("/proxy/products/product-a/reviews?" + query);

            assertThat(answer.statusCode()).as(query).isEqualTo(401);
            assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(answer.body()).doesNotContain("Great");
        }
    }

    @Test
    void answersNotFoundForASignedRequestOfAShopThatIsNotInstalled() {
        String query = sign("logged_in_customer_id=&path_prefix=%2Fapps%2Floyalty&shop=nobody.myshopify.com&timestamp="
                + clock.instant().getEpochSecond());

        assertThat(browser.get("/proxy/products/product-a/reviews?" + query).statusCode())
                .isEqualTo(404);
    }

    @Test
    void publishesTheShopsRatingsFeedWithPublishedReviewsOnly() throws Exception {
        HttpResponse<String> feed = browser.get("/feeds/" + shop.platformShopKey() + "/product-reviews.xml");

        assertThat(feed.statusCode()).isEqualTo(200);
        assertThat(feed.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/xml");
        assertThat(feed.body()).doesNotContain("<script>").contains("&lt;script&gt;");
        Document xml = DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(new ByteArrayInputStream(feed.body().getBytes(StandardCharsets.UTF_8)));
        assertThat(xml.getElementsByTagName("review").getLength()).isEqualTo(2);
        assertThat(browser.get("/feeds/nobody.myshopify.com/product-reviews.xml")
                        .statusCode())
                .isEqualTo(404);
        assertThat(browser.get("/feeds/evil.example/product-reviews.xml").statusCode())
                .isEqualTo(404);
    }

    private void review(int rating, String body, String name) {
        Orders order = Orders.order(shop.id()).line("a", "10.00");
        loyalty.apply(order.paid());
        long orderId = ReviewFixtures.orderId(dsl, shop.id(), order.id());
        ReviewInvite invite = invitations.invitesFor(shop.id(), orderId).getFirst();
        HttpResponse<String> answer = browser.post(
                invite.url(),
                PageClient.form("rating", String.valueOf(rating), "body", body, "displayName", name),
                false);
        assertThat(answer.statusCode()).isEqualTo(200);
    }

    private String signed(String extra) {
        return sign(query(extra, clock.instant().getEpochSecond()));
    }

    private String query(String extra, long timestamp) {
        return ProxyQueries.unsigned(shop.platformShopKey(), "", timestamp, extra);
    }

    private static String sign(String query) {
        return ProxyQueries.sign(SHOPIFY_SECRET, query);
    }
}
