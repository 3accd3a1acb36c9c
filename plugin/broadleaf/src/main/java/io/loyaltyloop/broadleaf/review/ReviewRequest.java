package io.loyaltyloop.broadleaf.review;

import java.util.regex.Pattern;
import org.codehaus.jackson.JsonNode;

/** A review approved in Loyalty Loop ({@code POST /loyalty-loop/reviews}, wire contract v1), validated. */
public final class ReviewRequest {

    private static final Pattern REVIEW_ID = Pattern.compile("^[A-Za-z0-9._:-]{1,64}$");
    private static final Pattern BROADLEAF_ID = Pattern.compile("^[1-9][0-9]{0,17}$");

    private final String reviewId;
    private final long productId;
    private final long customerId;
    private final int rating;
    private final String text;

    private ReviewRequest(String reviewId, long productId, long customerId, int rating, String text) {
        this.reviewId = reviewId;
        this.productId = productId;
        this.customerId = customerId;
        this.rating = rating;
        this.text = text;
    }

    /** Parses and validates; throws {@link IllegalArgumentException} with what is wrong. */
    public static ReviewRequest from(JsonNode json) {
        require(json != null && json.isObject(), "the body must be a JSON object");
        String reviewId = json.path("reviewId").getTextValue();
        require(reviewId != null && REVIEW_ID.matcher(reviewId).matches(), "reviewId must match " + REVIEW_ID);
        String productId = json.path("productId").getTextValue();
        require(productId != null && BROADLEAF_ID.matcher(productId).matches(), "productId must be a product id");
        String customerId = json.path("customerId").getTextValue();
        require(customerId != null && BROADLEAF_ID.matcher(customerId).matches(), "customerId must be a customer id");
        JsonNode rating = json.get("rating");
        require(
                rating != null && rating.isInt() && rating.getIntValue() >= 1 && rating.getIntValue() <= 5,
                "rating must be an integer from 1 to 5");
        String title = json.path("title").getTextValue();
        String body = json.path("body").getTextValue();
        require(title == null || title.length() <= 200, "title is longer than 200 characters");
        require(body == null || body.length() <= 10_000, "body is longer than 10000 characters");
        String text = title == null || title.trim().isEmpty()
                ? (body == null ? "" : body.trim())
                : title.trim() + (body == null || body.trim().isEmpty() ? "" : "\n\n" + body.trim());
        return new ReviewRequest(
                reviewId, Long.parseLong(productId), Long.parseLong(customerId), rating.getIntValue(), text);
    }

    public String reviewId() {
        return reviewId;
    }

    public long productId() {
        return productId;
    }

    public long customerId() {
        return customerId;
    }

    public int rating() {
        return rating;
    }

    /** Title and body as one text: Broadleaf 3.1 reviews have no title of their own. */
    public String text() {
        return text;
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
