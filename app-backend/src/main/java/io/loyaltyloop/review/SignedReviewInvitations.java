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
                        item.productId(),
                        item.title(),
                        links.absolute(
                                "/r/" + new ReviewLink(shop, orderId, item.productId()).sign(signer, expiresAt))))
                .toList();
    }

    @Override
    public boolean anyReviewSubmitted(ShopId shop, long orderId) {
        return reviews.anySubmitted(shop, orderId);
    }
}
