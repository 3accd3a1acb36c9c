package io.loyaltyloop.review;

import io.loyaltyloop.shop.ShopId;
import io.loyaltyloop.system.LinkSigner;
import io.loyaltyloop.system.LinksProperties;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;

/** Review links for the journey's review request and reminder emails. */
@Component
class SignedReviewInvitations implements ReviewInvitations {

    /** The figure: a review link works for 180 days after the email. */
    static final Duration VALIDITY = Duration.ofDays(180);

    private final ReviewService reviews;
    private final LinkSigner signer;
    private final LinksProperties links;
    private final Clock clock;

    SignedReviewInvitations(ReviewService reviews, LinkSigner signer, LinksProperties links, Clock clock) {
        this.reviews = reviews;
        this.signer = signer;
        this.links = links;
        this.clock = clock;
    }

    @Override
    public List<ReviewInvite> invitesFor(ShopId shop, long orderId) {
        Instant expiresAt = clock.instant().plus(VALIDITY);
        return reviews.items(shop, orderId).stream()
                .filter(item -> !item.reviewed())
                .map(item -> new ReviewInvite(
                        item.productId(), item.title(), link(shop, orderId, item.productId(), expiresAt)))
                .toList();
    }

    @Override
    public List<PendingReview> pendingFor(ShopId shop, long customerId, int limit) {
        return linked(shop, reviews.openItems(shop, customerId, clock.instant().minus(VALIDITY), limit));
    }

    @Override
    public List<PendingReview> linked(ShopId shop, List<OpenReviewItem> items) {
        Instant expiresAt = clock.instant().plus(VALIDITY);
        return items.stream()
                .map(item -> new PendingReview(
                        item.productId(),
                        item.title(),
                        item.orderName(),
                        link(shop, item.orderId(), item.productId(), expiresAt)))
                .toList();
    }

    private String link(ShopId shop, long orderId, String productId, Instant expiresAt) {
        return links.absolute("/r/" + new ReviewLink(shop, orderId, productId).sign(signer, expiresAt));
    }

    @Override
    public boolean anyReviewSubmitted(ShopId shop, long orderId) {
        return reviews.anySubmitted(shop, orderId);
    }
}
