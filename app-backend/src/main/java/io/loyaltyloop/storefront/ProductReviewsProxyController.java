package io.loyaltyloop.storefront;

import io.loyaltyloop.review.ProductRating;
import io.loyaltyloop.review.Review;
import io.loyaltyloop.review.ReviewJsonLd;
import io.loyaltyloop.review.ReviewService;
import io.loyaltyloop.shop.Platform;
import io.loyaltyloop.shop.Shop;
import io.loyaltyloop.shop.ShopService;
import jakarta.servlet.http.HttpServletRequest;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * {@code GET /proxy/products/{productId}/reviews}, reached from the storefront through Shopify's app
 * proxy ({@code /apps/loyalty/products/…}): the product's published reviews and rating as JSON. The
 * signature is checked before anything else, and the shop comes only from the signed parameters.
 */
@RestController
class ProductReviewsProxyController {

    private static final Logger log = LoggerFactory.getLogger(ProductReviewsProxyController.class);
    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 50;

    private final AppProxySignature signature;
    private final ShopService shops;
    private final ReviewService reviews;

    ProductReviewsProxyController(AppProxySignature signature, ShopService shops, ReviewService reviews) {
        this.signature = signature;
        this.shops = shops;
        this.reviews = reviews;
    }

    @GetMapping("/proxy/products/{productId}/reviews")
    ResponseEntity<?> reviews(@PathVariable String productId, HttpServletRequest request) {
        AppProxySignature.ProxyRequest proxy;
        try {
            proxy = signature.verify(request.getQueryString());
        } catch (AppProxySignatureException e) {
            log.info("app proxy request refused: {}", e.getMessage());
            return problem(HttpStatus.UNAUTHORIZED, "the request is not signed by Shopify's app proxy");
        }
        if (proxy.hasControlCharacters()) {
            return problem(HttpStatus.BAD_REQUEST, "a parameter holds a control character");
        }
        Shop shop = shops.findShop(Platform.SHOPIFY, proxy.shop())
                .filter(Shop::active)
                .orElse(null);
        if (shop == null) {
            return problem(HttpStatus.NOT_FOUND, "the shop has not installed the app");
        }
        return answer(shop, productId, proxy.parameters().get("limit"));
    }

    /** The answer for an installed shop's product, once the caller is verified (also Broadleaf's). */
    ResponseEntity<?> answer(Shop shop, String productId, String limitParameter) {
        if (productId.length() > 64) {
            return problem(HttpStatus.BAD_REQUEST, "product id is longer than 64 characters");
        }
        if (AppProxySignature.hasControlCharacter(productId)) {
            return problem(HttpStatus.BAD_REQUEST, "product id holds a control character");
        }
        Integer limit = limit(limitParameter);
        if (limit == null) {
            return problem(HttpStatus.BAD_REQUEST, "limit must be a number from 1 to " + MAX_LIMIT);
        }
        return answer(shop, productId, limit.intValue());
    }

    private ResponseEntity<?> answer(Shop shop, String productId, int limit) {
        ProductRating rating = reviews.rating(shop.id(), productId);
        List<Review> shown = reviews.published(shop.id(), productId, limit);
        List<ReviewView> published = shown.stream().map(ReviewView::of).toList();
        return ResponseEntity.ok(
                new ProductReviews(productId, rating.count(), rating.average(), published, jsonLd(rating, shown)));
    }

    /**
     * Google's Product snippet (aggregate rating and the reviews shown) for the block to put on the
     * product page; null without a rating, or without a product name to give it (the order lines'
     * title), since a Product must have one.
     */
    private static JsonNode jsonLd(ProductRating rating, List<Review> shown) {
        String name = shown.stream()
                .map(Review::productTitle)
                .filter(Objects::nonNull)
                .findFirst()
                .orElse(null);
        if (rating.count() == 0 || name == null) {
            return null;
        }
        return ReviewJsonLd.productNode(name, rating, shown);
    }

    private static Integer limit(String value) {
        if (value == null) {
            return DEFAULT_LIMIT;
        }
        if (!value.matches("\\d{1,3}")) {
            return null;
        }
        int limit = Integer.parseInt(value);
        return limit >= 1 && limit <= MAX_LIMIT ? limit : null;
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail) {
        return ResponseEntity.status(status).body(ProblemDetail.forStatusAndDetail(status, detail));
    }

    /** The answer; the widget renders every text with textContent, never as HTML. */
    record ProductReviews(
            String productId, long reviewCount, BigDecimal averageRating, List<ReviewView> reviews, JsonNode jsonLd) {}

    record ReviewView(
            long id,
            int rating,
            String title,
            String body,
            String author,
            boolean verifiedBuyer,
            boolean incentivized,
            Instant publishedAt,
            String merchantReply,
            Instant repliedAt) {

        static ReviewView of(Review review) {
            return new ReviewView(
                    review.reviewId(),
                    review.rating(),
                    review.title(),
                    review.body(),
                    review.shownName(),
                    review.verifiedBuyer(),
                    review.incentivized(),
                    review.publishedAt(),
                    review.merchantReply(),
                    review.repliedAt());
        }
    }
}
