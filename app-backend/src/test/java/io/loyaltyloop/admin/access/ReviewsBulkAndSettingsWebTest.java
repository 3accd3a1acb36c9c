package io.loyaltyloop.admin.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.loyaltyloop.review.Review;
import io.loyaltyloop.review.ReviewSettings;
import io.loyaltyloop.review.ReviewStatus;
import io.loyaltyloop.shop.Shop;
import io.loyaltyloop.system.PageClient;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** Bulk approve / reject of ticked reviews, and the review settings, over HTTP. */
class ReviewsBulkAndSettingsWebTest extends ReviewsWebTest {

    // bulk

    @Test
    void bulkApprovingThreePendingReviewsPublishesThemAndCreditsEachOnceEvenWhenPostedTwice() {
        signInAsOwner();
        List<Review> pending = List.of(tooSmall, faded, neverAgain);

        HttpResponse<String> first = bulk("approve", ids(pending), "", true);
        HttpResponse<String> second = bulk("approve", ids(pending), "", true);

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.body())
                .contains("id=\"queue\"", "No reviews here.", "hx-swap-oob=\"innerHTML\"", "3 approved.")
                .doesNotContain("<html", "Too small");
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(second.body()).contains("0 approved.");
        assertThat(pending).allSatisfy(r -> assertThat(status(r)).isEqualTo(ReviewStatus.PUBLISHED));
        assertThat(reviewCredits()).isEqualTo(4); // three approved + the one published at once
        assertThat(audits("review.approved")).isEqualTo(3);
        assertThat(audits("review.bulk_approved")).isEqualTo(1);
    }

    @Test
    void aPlainFormBulkApprovalIsRedirectedToTheSameFiltersWithTheCount() {
        signInAsOwner();

        HttpResponse<String> answer = bulk("approve", ids(List.of(tooSmall, faded)) + "&rating=3", "", false);

        assertThat(answer.statusCode()).isEqualTo(302);
        String location = answer.headers().firstValue("Location").orElseThrow();
        assertThat(location).contains("status=pending", "rating=3", "approved=2");
        assertThat(client.get(location.replaceFirst("^https?://[^/]+", "")).body())
                .contains("2 approved.");
    }

    @Test
    void bulkRejectingNeedsOneReasonAndRejectsAll() {
        signInAsOwner();

        HttpResponse<String> answer = bulk("reject", ids(List.of(faded, neverAgain)), "Off topic", true);

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("2 rejected.");
        assertThat(reviews.getReview(shop.id(), faded.reviewId()).rejectReason())
                .isEqualTo("Off topic");
        assertThat(status(neverAgain)).isEqualTo(ReviewStatus.REJECTED);
        assertThat(status(tooSmall)).isEqualTo(ReviewStatus.PENDING);
        assertThat(audits("review.bulk_rejected")).isEqualTo(1);
    }

    @Test
    void aBulkRejectionWithoutAReasonIsRefusedAndKeepsTheSelection() {
        HttpResponse<String> answer =
                assertBulkRefused("reject", ids(List.of(faded, neverAgain)), "", 422, "bulk-reason-error");

        assertThat(answer.body()).contains("value=\"" + faded.reviewId() + "\" checked=\"checked\"");
        assertThat(answer.body()).doesNotContain("value=\"" + tooSmall.reviewId() + "\" checked");
        assertThat(status(faded)).isEqualTo(ReviewStatus.PENDING);
    }

    @Test
    void aBulkRejectionReasonLongerThan500CharactersIsRefused() {
        assertBulkRefused("reject", ids(List.of(faded)), "z".repeat(501), 422, "bulk-reason-error");
        assertThat(status(faded)).isEqualTo(ReviewStatus.PENDING);
    }

    @Test
    void aBulkActionWithNoReviewTickedIsRefused() {
        HttpResponse<String> answer = assertBulkRefused("approve", "", "", 422, "bulk-id-error");
        assertThat(answer.body()).contains("Select at least one review");
    }

    @Test
    void aBulkActionOverMoreThan100ReviewsIsABadRequest() {
        String many = LongStream.rangeClosed(1, 101).mapToObj(id -> "id=" + id).collect(Collectors.joining("&"));
        HttpResponse<String> answer = assertBulkRefused("approve", many, "", 400, null);
        assertThat(answer.body()).contains("at most 100 reviews");
    }

    @Test
    void aBulkActionWithAnIdThatIsNotANumberIsABadRequest() {
        assertBulkRefused("approve", ids(List.of(faded)) + "&id=x", "", 400, null);
        assertThat(status(faded)).isEqualTo(ReviewStatus.PENDING);
    }

    @Test
    void aBulkActionWithAnotherShopsReviewChangesNothingAtAll() {
        Shop other = AdminFixtures.shopWithMembers(dsl, loyalty, 0);
        Review theirs = review(other, "a", 1, "Not yours", "at all");

        assertBulkRefused("approve", ids(List.of(tooSmall, theirs, faded)), "", 404, null);
        assertBulkRefused("reject", ids(List.of(theirs, neverAgain)), "nope", 404, null);

        assertThat(status(tooSmall)).isEqualTo(ReviewStatus.PENDING);
        assertThat(status(faded)).isEqualTo(ReviewStatus.PENDING);
        assertThat(status(neverAgain)).isEqualTo(ReviewStatus.PENDING);
        assertThat(reviews.getReview(other.id(), theirs.reviewId()).status()).isEqualTo(ReviewStatus.PENDING);
        assertThat(reviewCredits()).isEqualTo(1);
    }

    @Test
    void staffCannotBulkModerate() {
        signInAsStaff();
        String token = AdminClient.csrfTokenOf(client.get("/admin/reviews").body());

        HttpResponse<String> answer = client.postEncoded(
                "/admin/reviews/bulk/approve", ids(List.of(faded)) + "&_csrf=" + enc(token), "HX-Request", "true");

        assertThat(answer.statusCode()).isEqualTo(403);
        assertThat(status(faded)).isEqualTo(ReviewStatus.PENDING);
    }

    @Test
    void aBulkActionWithoutTheCsrfTokenIsRefused() {
        signInAsOwner();

        HttpResponse<String> answer =
                client.postEncoded("/admin/reviews/bulk/approve", ids(List.of(faded)), "HX-Request", "true");

        assertThat(answer.statusCode()).isEqualTo(403);
        assertThat(status(faded)).isEqualTo(ReviewStatus.PENDING);
    }

    // settings

    @Test
    void theSettingsShowTheShopsRulesWithAndWithoutHtmx() {
        signInAsStaff();

        HttpResponse<String> page = client.get("/admin/reviews/settings");
        HttpResponse<String> fragment = client.get("/admin/reviews/settings", "HX-Request", "true");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<html", "Review settings", "value=\"50\"", "Only the shop's owner");
        assertThat(fragment.body()).contains("Publishing and points").doesNotContain("<html");
    }

    @Test
    void anOwnerSavesTheSettings() {
        signInAsOwner();

        HttpResponse<String> answer = settings(Map.of(
                "autoPublish", "on",
                "minRating", "5",
                "blockedWords", "Scam\nrefund, fake",
                "incentivePoints", "25",
                "monthlyCap", "3"));

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("The review settings were saved.", "value=\"25\"");
        assertThat(reviews.settings(shop.id()))
                .isEqualTo(new ReviewSettings(true, 5, List.of("scam", "refund", "fake"), 25, 3));
        assertThat(audits("review.settings.updated")).isEqualTo(1);
    }

    @Test
    void aMinimumRatingOutside1To5IsRefused() {
        assertSettingsRefused(Map.of("minRating", "0"), "min-rating-error");
    }

    @Test
    void incentivePointsOutside0To100000AreRefused() {
        assertSettingsRefused(Map.of("incentivePoints", "100001"), "incentive-points-error");
        assertSettingsRefused(Map.of("incentivePoints", "-5"), "incentive-points-error");
        assertSettingsRefused(Map.of("incentivePoints", "lots"), "incentive-points-error");
    }

    @Test
    void aMonthlyCapOutside0To1000IsRefused() {
        assertSettingsRefused(Map.of("monthlyCap", "1001"), "monthly-cap-error");
    }

    @Test
    void aBlockedWordLongerThan100CharactersIsRefused() {
        assertSettingsRefused(Map.of("blockedWords", "ok\n" + "w".repeat(101)), "blocked-words-error");
    }

    @Test
    void moreThan500BlockedWordsAreRefused() {
        String words = LongStream.rangeClosed(1, 501).mapToObj(i -> "w" + i).collect(Collectors.joining("\n"));
        assertSettingsRefused(Map.of("blockedWords", words), "blocked-words-error");
    }

    @Test
    void staffCannotChangeTheSettings() {
        signInAsStaff();
        String token = AdminClient.csrfTokenOf(client.get("/admin/reviews").body());

        HttpResponse<String> answer = client.post(
                "/admin/reviews/settings",
                PageClient.form("_csrf", token, "minRating", "1", "incentivePoints", "1", "monthlyCap", "1"));

        assertThat(answer.statusCode()).isEqualTo(403);
        assertThat(reviews.settings(shop.id())).isEqualTo(ReviewSettings.DEFAULTS);
    }

    private HttpResponse<String> bulk(String action, String ids, String reason, boolean htmx) {
        String body = ids + "&status=pending&page=1&reason=" + enc(reason) + "&_csrf=" + enc(csrf());
        return htmx
                ? client.postEncoded("/admin/reviews/bulk/" + action, body, "HX-Request", "true")
                : client.postEncoded("/admin/reviews/bulk/" + action, body);
    }

    private HttpResponse<String> assertBulkRefused(
            String action, String ids, String reason, int status, String errorId) {
        signInAsOwner();
        int audited = audits();

        HttpResponse<String> answer = bulk(action, ids, reason, true);

        assertThat(answer.statusCode()).isEqualTo(status);
        if (errorId != null) {
            assertThat(answer.body())
                    .contains("id=\"" + errorId + "\"", "id=\"queue\"")
                    .doesNotContain("<html");
        }
        assertThat(audits()).isEqualTo(audited);
        assertThat(reviewCredits()).isEqualTo(1);
        return answer;
    }

    private HttpResponse<String> settings(Map<String, String> form) {
        return client.postWithCsrf("/admin/reviews/settings", "/admin/reviews/settings", form, "HX-Request", "true");
    }

    private void assertSettingsRefused(Map<String, String> changed, String errorId) {
        signInAsOwner();
        Map<String, String> form = new java.util.HashMap<>(
                Map.of("minRating", "4", "blockedWords", "", "incentivePoints", "50", "monthlyCap", "5"));
        form.putAll(changed);

        HttpResponse<String> answer = settings(form);

        assertThat(answer.statusCode()).isEqualTo(422);
        assertThat(answer.body()).contains("id=\"" + errorId + "\"", "aria-invalid=\"true\"");
        assertThat(reviews.settings(shop.id())).isEqualTo(ReviewSettings.DEFAULTS);
        assertThat(audits("review.settings.updated")).isZero();
    }

    private static String ids(List<Review> reviews) {
        return reviews.stream().map(r -> "id=" + r.reviewId()).collect(Collectors.joining("&"));
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
