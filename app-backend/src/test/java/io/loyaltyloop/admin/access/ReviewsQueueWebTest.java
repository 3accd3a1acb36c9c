package io.loyaltyloop.admin.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.loyaltyloop.review.Review;
import io.loyaltyloop.shop.Shop;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Reviews screen's queue over HTTP: the default view, each filter, paging, and each refused parameter. */
class ReviewsQueueWebTest extends ReviewsWebTest {

    @Test
    void theQueueShowsThePendingReviewsNewestFirstAsAWholePage() {
        signInAsStaff();

        HttpResponse<String> page = client.get("/admin/reviews");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("<html", "<nav", "Waiting for moderation", "Too small", "Colour faded", "Never again")
                .contains("Ottilie Featherstone", "ottilie@example.test", "Item a", "Verified buyer")
                .contains("aria-label=\"3 out of 5 stars\"", "★★★☆☆")
                .doesNotContain("Lovely shirt");
        assertThat(page.body().indexOf("Never again")).isLessThan(page.body().indexOf("Too small"));
        // counts per status in the tabs
        assertThat(page.body().replaceAll("\\s+", " "))
                .contains("<span>Pending</span> <span class=\"badge\">3</span>")
                .contains("<span>Published</span> <span class=\"badge\">1</span>")
                .contains("<span>All</span> <span class=\"badge\">4</span>");
        // STAFF reads only
        assertThat(page.body()).doesNotContain("Approve selected", "Reject review", "Save reply");
    }

    @Test
    void anHtmxNavigationGetsOnlyTheContent() {
        signInAsStaff();

        HttpResponse<String> fragment = client.get("/admin/reviews?status=all", "HX-Request", "true");

        assertThat(fragment.statusCode()).isEqualTo(200);
        assertThat(fragment.body())
                .contains("All reviews", "Lovely shirt", "Too small")
                .doesNotContain("<html", "aria-label=\"Loyalty admin\"");
    }

    @Test
    void timesAreShownInTheShopsTimeZone() {
        signInAsStaff();

        // Reviewed at the tests' clock, 2026-11-01T00:00Z: still October 31 in the shop's New York.
        assertThat(client.get("/admin/reviews").body()).contains("Oct 31, 2026 20:00 EDT");
    }

    @Test
    void eachFilterNarrowsTheQueueWithAndWithoutHtmx() {
        signInAsStaff();

        assertShown("status=published", List.of(lovely), tooSmall, faded, neverAgain);
        assertShown("status=rejected", List.of(), lovely, tooSmall, faded, neverAgain);
        assertShown("status=all", List.of(lovely, tooSmall, faded, neverAgain));
        assertShown("rating=2", List.of(faded), tooSmall, neverAgain);
        assertShown("product=product-a", List.of(tooSmall, neverAgain), faded);
        assertShown("q=FADED", List.of(faded), tooSmall, neverAgain);
        assertShown("q=" + enc("a size"), List.of(tooSmall), faded, neverAgain);
        assertShown("q=" + enc("%"), List.of(), tooSmall, faded, neverAgain);
        assertShown("q=" + enc("_"), List.of(), tooSmall, faded, neverAgain);
        assertShown("from=2026-10-31&to=2026-10-31", List.of(tooSmall, faded, neverAgain));
        assertShown("from=2026-11-01", List.of(), tooSmall, faded, neverAgain);
        assertShown("to=2026-10-30", List.of(), tooSmall, faded, neverAgain);
        assertShown("status=all&rating=5&product=product-c", List.of(lovely), tooSmall);
    }

    @Test
    void theTabsCountUnderTheOtherFilters() {
        signInAsStaff();

        String page = client.get("/admin/reviews?product=product-a").body().replaceAll("\\s+", " ");

        assertThat(page)
                .contains("<span>Pending</span> <span class=\"badge\">2</span>")
                .contains("<span>Published</span> <span class=\"badge\">0</span>");
    }

    @Test
    void reviewTextIsEscaped() {
        review(shop, "d", 1, "<b>bold</b>", "<script>alert('x')</script>");
        signInAsStaff();

        String page = client.get("/admin/reviews").body();

        assertThat(page).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;", "&lt;b&gt;bold&lt;/b&gt;");
        assertThat(page).doesNotContain("<script>alert", "<b>bold");
    }

    @Test
    void aLongBodyIsTruncatedWithMore() {
        review(shop, "d", 1, "Long", "word ".repeat(100) + "THE-END");
        signInAsStaff();

        String page = client.get("/admin/reviews").body();

        assertThat(page).contains("…", "<summary>more");
        assertThat(page.indexOf("THE-END")).isGreaterThan(page.indexOf("<summary>more"));
    }

    @Test
    void theQueueIsPagedBy25() {
        List<Review> more = new ArrayList<>();
        for (int i = 0; i < 23; i++) {
            more.add(review(shop, "p" + i, 1, "Extra " + i, "meh"));
        }
        signInAsStaff();

        String first = client.get("/admin/reviews").body();
        String second = client.get("/admin/reviews?page=2").body();

        assertThat(first).contains("Next page", "Extra 22").doesNotContain("Previous page", "Too small");
        assertThat(second).contains("Previous page", "Too small").doesNotContain("Next page", "Extra 22");
    }

    @Test
    void aReviewOfAnotherShopIsNeverListed() {
        Shop other = AdminFixtures.shopWithMembers(dsl, loyalty, 0);
        review(other, "a", 1, "Elsewhere entirely", "not yours");
        signInAsStaff();

        assertThat(client.get("/admin/reviews?status=all").body()).doesNotContain("Elsewhere entirely");
        assertThat(client.get("/admin/reviews?q=Elsewhere").body()).contains("No review matches");
    }

    @Test
    void aStatusThatIsNoneOfTheTabsIsABadRequest() {
        assertBadRequest("status=deleted", "status must be pending, published, rejected or all");
    }

    @Test
    void aRatingOutside1To5IsABadRequest() {
        for (String rating : new String[] {"0", "6", "x", "-1"}) {
            assertBadRequest("rating=" + rating, "rating must be a whole number from 1 to 5");
        }
    }

    @Test
    void aPageThatIsNotFrom1To200IsABadRequest() {
        for (String page : new String[] {"-1", "0", "201", "two"}) {
            assertBadRequest("page=" + page, "page must be a whole number from 1 to 200");
        }
    }

    @Test
    void aSearchLongerThan200CharactersIsABadRequest() {
        assertBadRequest("q=" + "a".repeat(201), "limited to 200 characters");
    }

    @Test
    void aDateThatIsNoDateOrARangeBackwardsIsABadRequest() {
        assertBadRequest("from=yesterday", "from must be a date");
        assertBadRequest("to=2026-13-01", "to must be a date");
        assertBadRequest("from=2026-11-02&to=2026-11-01", "from must be on or before to");
    }

    @Test
    void aProductIdLongerThan64CharactersIsABadRequest() {
        assertBadRequest("product=" + "p".repeat(65), "product is limited to 64 characters");
    }

    private void assertShown(String query, List<Review> shown, Review... hidden) {
        for (String[] headers : new String[][] {{}, {"HX-Request", "true"}}) {
            HttpResponse<String> page = client.get("/admin/reviews?" + query, headers);
            assertThat(page.statusCode()).as(query).isEqualTo(200);
            for (Review review : shown) {
                assertThat(page.body()).as(query).contains(review.title());
            }
            for (Review review : hidden) {
                assertThat(page.body()).as(query).doesNotContain(review.title());
            }
            if (shown.isEmpty()) {
                assertThat(page.body()).as(query).containsAnyOf("No review matches", "No reviews here");
            }
        }
    }

    private void assertBadRequest(String query, String message) {
        signInAsStaff();
        for (String[] headers : new String[][] {{}, {"HX-Request", "true"}}) {
            HttpResponse<String> answer = client.get("/admin/reviews?" + query, headers);
            assertThat(answer.statusCode()).as(query).isEqualTo(400);
            assertThat(answer.body()).as(query).contains(message);
        }
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
