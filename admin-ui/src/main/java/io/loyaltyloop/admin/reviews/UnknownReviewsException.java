package io.loyaltyloop.admin.reviews;

import java.util.List;

/** Reviews that are not in the shop (they may be another shop's, which no one learns): 404. */
public class UnknownReviewsException extends RuntimeException {

    private final List<Long> reviewIds;

    public UnknownReviewsException(List<Long> reviewIds) {
        super("no such review in this shop: " + reviewIds);
        this.reviewIds = List.copyOf(reviewIds);
    }

    public List<Long> reviewIds() {
        return reviewIds;
    }
}
