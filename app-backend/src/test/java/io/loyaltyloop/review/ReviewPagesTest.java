package io.loyaltyloop.review;

import static io.loyaltyloop.system.PageClient.form;
import static org.assertj.core.api.Assertions.assertThat;

import io.loyaltyloop.BackendTest;
import io.loyaltyloop.loyalty.LoyaltyService;
import io.loyaltyloop.shop.Shop;
import io.loyaltyloop.system.LinkSigner;
import io.loyaltyloop.system.PageClient;
import io.loyaltyloop.testing.MutableClock;
import io.loyaltyloop.testing.Orders;
import io.loyaltyloop.testing.Shops;
import java.net.http.HttpResponse;
import java.util.List;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The review form behind the emailed link, on the running backend, as a browser would use it. */
class ReviewPagesTest extends BackendTest {

    @Autowired
    DSLContext dsl;

    @Autowired
    LoyaltyService loyalty;

    @Autowired
    ReviewInvitations invitations;

    @Autowired
    ReviewService reviews;

    @Autowired
    LinkSigner signer;

    @Autowired
    MutableClock clock;

    @LocalServerPort
    int port;

    PageClient browser;
    Shop shop;
    long orderId;
    Orders order;

    @BeforeEach
    void paidOrder() {
        browser = new PageClient(port);
        shop = Shops.newShop(dsl);
        order = Orders.order(shop.id()).line("a", "20.00").line("b", "10.00").giftCard("g", "25.00");
        loyalty.apply(order.paid());
        orderId = ReviewFixtures.orderId(dsl, shop.id(), order.id());
    }

    @Test
    void invitesToReviewEachProductButNotGiftCardsRefundedOrReviewedItems() {
        assertThat(invitations.invitesFor(shop.id(), orderId))
                .extracting(ReviewInvite::productId, ReviewInvite::title)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("product-a", "Item a"),
                        org.assertj.core.groups.Tuple.tuple("product-b", "Item b"));
        assertThat(invitations.invitesFor(shop.id(), orderId).getFirst().url()).startsWith(LINKS_BASE_URL + "/r/");

        loyalty.apply(order.refund("r1", "b", "10.00"));
        browser.post(linkFor("product-a"), validReview(), false);

        assertThat(invitations.invitesFor(shop.id(), orderId)).isEmpty();
        assertThat(invitations.anyReviewSubmitted(shop.id(), orderId)).isTrue();
    }

    @Test
    void showsAnAccessibleFormWithoutInlineScripts() {
        HttpResponse<String> page = browser.get(linkFor("product-a"));

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Security-Policy"))
                .hasValueSatisfying(csp -> assertThat(csp).contains("script-src 'self'"));
        assertThat(page.headers().firstValue("Referrer-Policy")).contains("no-referrer");
        assertThat(page.body())
                .contains("Review <span>Item a</span>", "<fieldset", "<legend>Your rating")
                .contains("<label for=\"rating-5\">5 stars</label>", "<label for=\"body\">")
                .containsPattern("<script src=\"/webjars/htmx.org/[0-9.]+/dist/htmx.min.js\" defer></script>")
                .contains("hx-post=\"/r/")
                .doesNotContain("<script>", "onclick", "style=");
        assertThat(invitations.anyReviewSubmitted(shop.id(), orderId)).isFalse();
    }

    @Test
    void servesHtmxFromThisOrigin() {
        HttpResponse<String> script = browser.get("/webjars/htmx.org/dist/htmx.min.js");

        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(script.body()).contains("htmx");
    }

    @Test
    void storesAVerifiedReviewAndAnswersAWholePageWithoutHtmx() {
        HttpResponse<String> answer = browser.post(linkFor("product-a"), validReview(), false);

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("<html", "Thank you for your review", "Your review is now live.");
        Review stored = onlyReview();
        assertThat(stored.rating()).isEqualTo(5);
        assertThat(stored.body()).isEqualTo("Soft and warm.\nWould buy again.");
        assertThat(stored.title()).isEqualTo("Lovely");
        assertThat(stored.displayName()).isEqualTo("Ada L.");
        assertThat(stored.verifiedBuyer()).isTrue();
        assertThat(stored.productId()).isEqualTo("product-a");
    }

    @Test
    void answersAFragmentToHtmx() {
        HttpResponse<String> answer = browser.post(linkFor("product-a"), validReview(), true);

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("id=\"review-thanks\"").doesNotContain("<html", "<head");
        assertThat(ReviewFixtures.reviewCount(dsl, shop.id())).isEqualTo(1);
    }

    @Test
    void showsErrorsLinkedToTheirFieldsAndStoresNothing() {
        HttpResponse<String> page = browser.post(linkFor("product-a"), form("title", "x", "body", " "), false);
        HttpResponse<String> fragment = browser.post(linkFor("product-a"), form("rating", "6", "body", "ok"), true);

        assertThat(page.statusCode()).isEqualTo(422);
        assertThat(page.body())
                .contains("<html", "aria-describedby=\"rating-error\"", "id=\"rating-error\"")
                .contains("aria-describedby=\"body-error body-hint\"", "Write a few words about the product.")
                .contains("value=\"x\"");
        assertThat(fragment.statusCode()).isEqualTo(422);
        assertThat(fragment.body())
                .contains("id=\"review-form\"", "Choose a rating")
                .doesNotContain("<html");
        assertThat(ReviewFixtures.reviewCount(dsl, shop.id())).isZero();
    }

    @Test
    void refusesTooLongFieldsAndControlCharacters() {
        List<java.util.Map<String, String>> bad = List.of(
                form("rating", "4", "body", "x".repeat(5001)),
                form("rating", "4", "body", "ok", "title", "t".repeat(151)),
                form("rating", "4", "body", "ok", "displayName", "n".repeat(81)),
                form("rating", "4", "body", "bell\u0007"),
                form("rating", "4", "body", "ok", "title", "two\nlines"),
                form("rating", "4", "body", "ok", "displayName", "nul\u0000"));

        for (var review : bad) {
            assertThat(browser.post(linkFor("product-a"), review, false).statusCode())
                    .as(review.toString()
                            .substring(0, Math.min(60, review.toString().length())))
                    .isEqualTo(422);
        }
        assertThat(ReviewFixtures.reviewCount(dsl, shop.id())).isZero();
    }

    @Test
    void acceptsTheLongestAllowedFieldsCountingCharactersNotBytes() {
        HttpResponse<String> answer = browser.post(
                linkFor("product-a"),
                form("rating", "3", "body", "é".repeat(5000), "title", "ß".repeat(150), "displayName", "名".repeat(80)),
                false);

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(onlyReview().body()).hasSize(5000);
    }

    @Test
    void refusesAFormLargerThanAnyHonestReviewAndStoresNothing() {
        HttpResponse<String> answer = browser.postRaw(linkFor("product-a"), "rating=5&body=" + "x".repeat(70 * 1024));

        assertThat(answer.statusCode()).isEqualTo(413);
        assertThat(answer.body()).contains("too much text");
        assertThat(ReviewFixtures.reviewCount(dsl, shop.id())).isZero();
    }

    @Test
    void storesScriptAsTypedAndNeverPutsItOnAPageUnescaped() {
        String script = "<script>alert('x')</script>";

        HttpResponse<String> answer = browser.post(
                linkFor("product-a"),
                form(
                        "rating",
                        "5",
                        "title",
                        script,
                        "body",
                        script + " nice",
                        "displayName",
                        "<img src=x onerror=alert(1)>"),
                false);

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body())
                .doesNotContain("<script>alert", "<img src=x")
                .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;", "&lt;img src=x onerror=alert(1)&gt;");
        assertThat(onlyReview().body()).isEqualTo(script + " nice");

        HttpResponse<String> invalid = browser.post(linkFor("product-b"), form("title", script, "body", script), false);
        assertThat(invalid.body()).doesNotContain("<script>alert").contains("&lt;script&gt;");
    }

    @Test
    void refusesAForgedLinkAndStoresNothing() {
        String genuine = linkFor("product-a");
        String otherShop = new ReviewLink(Shops.newShop(dsl).id(), orderId, "product-a")
                .sign(signer, clock.instant().plusSeconds(3600));
        String spliced =
                "/r/" + otherShop.substring(0, otherShop.indexOf('.')) + genuine.substring(genuine.lastIndexOf('.'));
        String foreignKey = "/r/"
                + new ReviewLink(shop.id(), orderId, "product-a")
                        .sign(new LinkSigner(new byte[32]), clock.instant().plusSeconds(3600));

        for (String forged : List.of(spliced, foreignKey, "/r/not-a-token", "/r/%3Cscript%3E")) {
            HttpResponse<String> page = browser.get(forged);
            HttpResponse<String> post = browser.post(forged, validReview(), false);

            assertThat(page.statusCode()).as(forged).isEqualTo(404);
            assertThat(page.body()).contains("This link does not work");
            assertThat(post.statusCode()).as(forged).isEqualTo(404);
        }
        assertThat(ReviewFixtures.reviewCount(dsl, shop.id())).isZero();
    }

    @Test
    void refusesAnExpiredLinkAndStoresNothing() {
        String expired = "/r/" + new ReviewLink(shop.id(), orderId, "product-a").sign(signer, clock.instant());

        assertThat(browser.get(expired).statusCode()).isEqualTo(404);
        HttpResponse<String> post = browser.post(expired, validReview(), true);
        assertThat(post.statusCode()).isEqualTo(404);
        assertThat(post.body()).contains("not valid or has expired").doesNotContain("<html");
        assertThat(ReviewFixtures.reviewCount(dsl, shop.id())).isZero();
    }

    @Test
    void aLinkWorksOnceAndThenSaysTheItemWasReviewed() {
        String link = linkFor("product-a");
        browser.post(link, validReview(), false);

        HttpResponse<String> again = browser.post(link, form("rating", "1", "body", "changed my mind"), false);

        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.body()).contains("You already reviewed this item");
        assertThat(browser.get(link).statusCode()).isEqualTo(409);
        assertThat(onlyReview().rating()).isEqualTo(5);
    }

    @Test
    void anItemRefundedInFullAfterTheEmailCanNoLongerBeReviewed() {
        String link = linkFor("product-b");
        loyalty.apply(order.refund("r1", "b", "10.00"));

        assertThat(browser.get(link).statusCode()).isEqualTo(410);
        assertThat(browser.post(link, validReview(), false).statusCode()).isEqualTo(410);
        assertThat(ReviewFixtures.reviewCount(dsl, shop.id())).isZero();
    }

    private String linkFor(String productId) {
        return ReviewFixtures.linkFor(invitations, shop.id(), orderId, productId);
    }

    private Review onlyReview() {
        List<Review> all = reviews.list(shop.id(), ReviewQuery.all());
        assertThat(all).hasSize(1);
        return all.getFirst();
    }

    private static java.util.Map<String, String> validReview() {
        return form(
                "rating",
                "5",
                "title",
                "Lovely",
                "body",
                "Soft and warm.\r\nWould buy again.",
                "displayName",
                "Ada L.");
    }
}
