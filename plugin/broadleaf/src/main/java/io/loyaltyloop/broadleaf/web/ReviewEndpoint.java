package io.loyaltyloop.broadleaf.web;

import io.loyaltyloop.broadleaf.LoyaltyLoopSettings;
import io.loyaltyloop.broadleaf.review.BroadleafReviewWriter;
import io.loyaltyloop.broadleaf.review.ReviewRequest;
import io.loyaltyloop.broadleaf.wire.SignatureVerifier;
import java.io.IOException;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.codehaus.jackson.JsonNode;
import org.codehaus.jackson.node.ObjectNode;

/**
 * {@code POST /loyalty-loop/reviews}: a review approved in Loyalty Loop. 200 {@code {"stored":true}}
 * once it is in Broadleaf's ratings (also on a repeat), {@code {"stored":false}} when the site's
 * {@code loyaltyloop.reviews.write-to-broadleaf} is off; 400 for a bad body or an unknown product or
 * customer; 401 unsigned.
 */
final class ReviewEndpoint {

    private final SignatureVerifier verifier;
    private final LoyaltyLoopSettings settings;
    private final BroadleafReviewWriter writer;

    ReviewEndpoint(SignatureVerifier verifier, LoyaltyLoopSettings settings, BroadleafReviewWriter writer) {
        this.verifier = verifier;
        this.settings = settings;
        this.writer = writer;
    }

    void handle(HttpServletRequest request, HttpServletResponse response) throws IOException {
        JsonNode json = SignedJsonRequest.read(request, response, verifier);
        if (json == null) {
            return;
        }
        ReviewRequest review;
        try {
            review = ReviewRequest.from(json);
        } catch (IllegalArgumentException e) {
            HttpExchange.problem(response, 400, "bad-request", e.getMessage());
            return;
        }
        ObjectNode answer = HttpExchange.JSON.createObjectNode();
        if (!settings.isReviewsWriteToBroadleaf()) {
            answer.put("stored", false);
            HttpExchange.json(response, 200, answer);
            return;
        }
        switch (writer.write(review)) {
            case UNKNOWN_PRODUCT:
                HttpExchange.problem(response, 400, "unknown-product", "no product " + review.productId());
                return;
            case UNKNOWN_CUSTOMER:
                HttpExchange.problem(response, 400, "unknown-customer", "no customer " + review.customerId());
                return;
            default:
                answer.put("stored", true);
                HttpExchange.json(response, 200, answer);
        }
    }
}
