package io.loyaltyloop.review;

import io.loyaltyloop.system.CustomerText;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The review form as posted: the raw values (to show them again) and, once validated, the errors
 * per field. A valid form has a rating 1–5, a body of 1–5000 characters, a title of at most 150
 * and a display name of at most 80, and no control characters (line breaks only in the body).
 */
final class ReviewForm {

    static final int MAX_TITLE = 150;
    static final int MAX_BODY = 5000;
    static final int MAX_NAME = 80;

    private final String ratingInput;
    private final String title;
    private final String body;
    private final String displayName;
    private final Map<String, String> errors = new LinkedHashMap<>();
    private int rating;

    private ReviewForm(String ratingInput, String title, String body, String displayName) {
        this.ratingInput = ratingInput;
        this.title = CustomerText.normalise(title);
        this.body = CustomerText.normalise(body);
        this.displayName = CustomerText.normalise(displayName);
    }

    static ReviewForm empty() {
        return new ReviewForm(null, null, null, null);
    }

    static ReviewForm validate(String rating, String title, String body, String displayName) {
        ReviewForm form = new ReviewForm(rating, title, body, displayName);
        form.check();
        return form;
    }

    private void check() {
        rating = switch (ratingInput == null ? "" : ratingInput.strip()) {
            case "1" -> 1;
            case "2" -> 2;
            case "3" -> 3;
            case "4" -> 4;
            case "5" -> 5;
            default -> 0;
        };
        if (rating == 0) {
            errors.put("rating", "Choose a rating from 1 to 5 stars.");
        }
        if (CustomerText.hasControlCharacters(title, false)) {
            errors.put("title", "The title contains characters that cannot be used.");
        } else if (CustomerText.length(title) > MAX_TITLE) {
            errors.put("title", "Keep the title to " + MAX_TITLE + " characters or fewer.");
        }
        if (body == null) {
            errors.put("body", "Write a few words about the product.");
        } else if (CustomerText.hasControlCharacters(body, true)) {
            errors.put("body", "The review contains characters that cannot be used.");
        } else if (CustomerText.length(body) > MAX_BODY) {
            errors.put("body", "Keep the review to " + MAX_BODY + " characters or fewer.");
        }
        if (CustomerText.hasControlCharacters(displayName, false)) {
            errors.put("displayName", "The name contains characters that cannot be used.");
        } else if (CustomerText.length(displayName) > MAX_NAME) {
            errors.put("displayName", "Keep the name to " + MAX_NAME + " characters or fewer.");
        }
    }

    boolean valid() {
        return errors.isEmpty() && rating > 0;
    }

    /** Field name to message, in form order; empty when valid. */
    Map<String, String> errors() {
        return errors;
    }

    /** What the customer entered, to show again next to the errors. */
    Map<String, String> values() {
        Map<String, String> values = new HashMap<>();
        values.put("rating", ratingInput == null ? "" : ratingInput.strip());
        values.put("title", title == null ? "" : title);
        values.put("body", body == null ? "" : body);
        values.put("displayName", displayName == null ? "" : displayName);
        return values;
    }

    int rating() {
        return rating;
    }

    String title() {
        return title;
    }

    String body() {
        return body;
    }

    String displayName() {
        return displayName;
    }
}
