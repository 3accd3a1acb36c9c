package io.loyaltyloop.admin.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.loyaltyloop.review.Review;
import io.loyaltyloop.review.ReviewStatus;
import io.loyaltyloop.shop.Shop;
import io.loyaltyloop.system.PageClient;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One review's moderation over HTTP: approve, reject, reply; each refusal changes nothing. */
class ReviewsModerationWebTest extends ReviewsWebTest {

    @Test
    void anOwnerApprovesAReviewAndHtmxGetsItsRowWithTheIncentiveCredited() {
        signInAsOwner();

        HttpResponse<String> answer = act(tooSmall, "approve", Map.of(), true);

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body())
                .contains("id=\"review-" + tooSmall.reviewId() + "\"", "Published", "Approved.", "Points credited")
                .doesNotContain("<html", "Waiting for moderation");
        assertThat(status(tooSmall)).isEqualTo(ReviewStatus.PUBLISHED);
        assertThat(reviewCredits()).isEqualTo(2); // lovely's, published at once, and this one
        assertThat(audits("review.approved")).isEqualTo(1);
    }

    @Test
    void approvingAPublishedReviewAgainIsANoOp() {
        signInAsOwner();
        int before = audits("review.approved");

        HttpResponse<String> answer = act(lovely, "approve", Map.of(), true);

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("Published");
        assertThat(reviewCredits()).isEqualTo(1); // lovely's own, from auto-publishing
        assertThat(audits("review.approved")).isEqualTo(before);
    }

    @Test
    void aPlainFormApprovalIsRedirectedToTheQueue() {
        signInAsOwner();

        HttpResponse<String> answer = act(tooSmall, "approve", Map.of(), false);

        assertThat(answer.statusCode()).isEqualTo(302);
        assertThat(answer.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).contains("/admin/reviews?status=all"));
        assertThat(status(tooSmall)).isEqualTo(ReviewStatus.PUBLISHED);
    }

    @Test
    void anOwnerRejectsWithAReasonAndRejectingAgainIsANoOp() {
        signInAsOwner();

        HttpResponse<String> answer = act(faded, "reject", Map.of("reason", "Mentions a competitor"), true);
        act(faded, "reject", Map.of("reason", "Another reason"), true);

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("Rejected", "Mentions a competitor", "Rejected.");
        assertThat(reviews.getReview(shop.id(), faded.reviewId()).rejectReason())
                .isEqualTo("Mentions a competitor");
        assertThat(audits("review.rejected")).isEqualTo(1);
    }

    @Test
    void aRejectionWithoutAReasonIsRefusedNextToTheField() {
        assertRowRefused(
                faded, "reject", Map.of("reason", "   "), "reason-" + faded.reviewId() + "-error", "Give a reason");
        assertThat(status(faded)).isEqualTo(ReviewStatus.PENDING);
    }

    @Test
    void aRejectionReasonLongerThan500CharactersIsRefused() {
        assertRowRefused(
                faded,
                "reject",
                Map.of("reason", "x".repeat(501)),
                "reason-" + faded.reviewId() + "-error",
                "500 characters");
        assertThat(status(faded)).isEqualTo(ReviewStatus.PENDING);
    }

    @Test
    void anOwnerRepliesAndAnEmptyReplyRemovesIt() {
        signInAsOwner();

        HttpResponse<String> replied = act(lovely, "reply", Map.of("reply", "Thank you, <Ada>!"), true);
        assertThat(replied.statusCode()).isEqualTo(200);
        assertThat(replied.body()).contains("Your reply:", "Thank you, &lt;Ada&gt;!", "Reply saved.");
        assertThat(reviews.getReview(shop.id(), lovely.reviewId()).merchantReply())
                .isEqualTo("Thank you, <Ada>!");

        HttpResponse<String> removed = act(lovely, "reply", Map.of("reply", ""), true);
        assertThat(removed.body()).contains("Reply removed.").doesNotContain("Your reply:");
        assertThat(reviews.getReview(shop.id(), lovely.reviewId()).merchantReply())
                .isNull();
        assertThat(audits("review.replied")).isEqualTo(2);
    }

    @Test
    void aReplyLongerThan5000CharactersIsRefusedAndTheTypedTextKept() {
        reviews.reply(shop.id(), lovely.reviewId(), "Kept", "test");
        String tooLong = "y".repeat(5001);

        HttpResponse<String> answer = assertRowRefused(
                lovely, "reply", Map.of("reply", tooLong), "reply-" + lovely.reviewId() + "-error", "5000 characters");

        assertThat(answer.body()).contains(tooLong);
        assertThat(reviews.getReview(shop.id(), lovely.reviewId()).merchantReply())
                .isEqualTo("Kept");
    }

    @Test
    void aPlainFormRefusalIsTheWholePageWithTheError() {
        signInAsOwner();

        HttpResponse<String> answer = act(faded, "reject", Map.of("reason", ""), false);

        assertThat(answer.statusCode()).isEqualTo(422);
        assertThat(answer.body()).contains("<html", "Give a reason", "Colour faded");
        assertThat(status(faded)).isEqualTo(ReviewStatus.PENDING);
    }

    @Test
    void anIdThatIsNotANumberIsABadRequest() {
        signInAsOwner();
        String token = csrf();

        for (String id : new String[] {"abc", "0", "-3", "99999999999999999999"}) {
            HttpResponse<String> answer = client.post(
                    "/admin/reviews/" + id + "/approve", PageClient.form("_csrf", token), "HX-Request", "true");
            assertThat(answer.statusCode()).as(id).isEqualTo(400);
        }
        assertThat(status(tooSmall)).isEqualTo(ReviewStatus.PENDING);
    }

    @Test
    void anotherShopsReviewIsNotFoundAndStaysAsItWas() {
        Shop other = AdminFixtures.shopWithMembers(dsl, loyalty, 0);
        Review theirs = review(other, "a", 1, "Not yours", "at all");
        signInAsOwner();

        for (String action : new String[] {"approve", "reject", "reply"}) {
            HttpResponse<String> answer = act(theirs, action, Map.of("reason", "nope", "reply", "hello"), true);
            assertThat(answer.statusCode()).as(action).isEqualTo(404);
        }
        Review after = reviews.getReview(other.id(), theirs.reviewId());
        assertThat(after.status()).isEqualTo(ReviewStatus.PENDING);
        assertThat(after.merchantReply()).isNull();
    }

    @Test
    void staffCannotModerate() {
        signInAsStaff();
        String token = AdminClient.csrfTokenOf(client.get("/admin/reviews").body());

        for (String action : new String[] {"approve", "reject", "reply"}) {
            HttpResponse<String> answer = client.post(
                    "/admin/reviews/" + faded.reviewId() + "/" + action,
                    PageClient.form("_csrf", token, "reason", "no", "reply", "hi"),
                    "HX-Request",
                    "true");
            assertThat(answer.statusCode()).as(action).isEqualTo(403);
        }
        Review after = reviews.getReview(shop.id(), faded.reviewId());
        assertThat(after.status()).isEqualTo(ReviewStatus.PENDING);
        assertThat(after.merchantReply()).isNull();
    }

    @Test
    void aWriteWithoutTheCsrfTokenIsRefused() {
        signInAsOwner();

        HttpResponse<String> answer =
                client.post("/admin/reviews/" + tooSmall.reviewId() + "/approve", Map.of(), "HX-Request", "true");

        assertThat(answer.statusCode()).isEqualTo(403);
        assertThat(status(tooSmall)).isEqualTo(ReviewStatus.PENDING);
        assertThat(reviewCredits()).isEqualTo(1);
    }

    @Test
    void theEmbeddedOwnerReadsTheQueueAndApprovesWithTheSessionToken() {
        HttpResponse<String> queue = client.get("/admin/reviews", "HX-Request", "true", "Authorization", bearer());
        HttpResponse<String> approved = client.post(
                "/admin/reviews/" + neverAgain.reviewId() + "/approve",
                Map.of(),
                "HX-Request",
                "true",
                "Authorization",
                bearer());

        assertThat(queue.statusCode()).isEqualTo(200);
        assertThat(queue.body()).contains("Never again", "Approve selected").doesNotContain("<html");
        assertThat(approved.statusCode()).isEqualTo(200);
        assertThat(status(neverAgain)).isEqualTo(ReviewStatus.PUBLISHED);
        assertThat(audits("review.approved")).isEqualTo(1);
    }

    private HttpResponse<String> act(Review review, String action, Map<String, String> form, boolean htmx) {
        String path = "/admin/reviews/" + review.reviewId() + "/" + action;
        return htmx
                ? client.postWithCsrf("/admin/reviews", path, form, "HX-Request", "true")
                : client.postWithCsrf("/admin/reviews", path, form);
    }

    private HttpResponse<String> assertRowRefused(
            Review review, String action, Map<String, String> form, String errorId, String message) {
        signInAsOwner();
        int audited = audits();

        HttpResponse<String> answer = act(review, action, form, true);

        assertThat(answer.statusCode()).isEqualTo(422);
        assertThat(answer.body())
                .contains("id=\"" + errorId + "\"", message, "aria-invalid=\"true\"", "open=\"open\"")
                .doesNotContain("<html");
        assertThat(audits()).isEqualTo(audited);
        return answer;
    }
}
