package io.loyaltyloop.review;

import io.loyaltyloop.shop.Platform;
import io.loyaltyloop.shop.Shop;
import io.loyaltyloop.shop.ShopService;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /feeds/{shop}/product-reviews.xml}: the Google product ratings feed of an installed
 * Shopify shop, for the merchant to register in Merchant Center. Public, like the reviews it lists.
 */
@RestController
class ProductRatingsFeedController {

    /** Google's limit is 100 MB per file; this many reviews stay far below it. */
    static final int MAX_REVIEWS = 20_000;

    private static final Pattern SHOP_DOMAIN = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9-]*\\.myshopify\\.com");

    private final ReviewService reviews;
    private final ShopService shops;

    ProductRatingsFeedController(ReviewService reviews, ShopService shops) {
        this.reviews = reviews;
        this.shops = shops;
    }

    @GetMapping("/feeds/{shopDomain}/product-reviews.xml")
    ResponseEntity<String> feed(@PathVariable String shopDomain) {
        if (!SHOP_DOMAIN.matcher(shopDomain).matches()) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).build();
        }
        Shop shop = shops.findShop(Platform.SHOPIFY, shopDomain)
                .filter(Shop::active)
                .orElse(null);
        if (shop == null) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).build();
        }
        // The product handle is not stored yet, so the storefront search stands in for the product page.
        String xml = ProductRatingsFeed.render(
                shop.name(),
                reviews.published(shop.id(), null, MAX_REVIEWS),
                review -> "https://" + shopDomain + "/search?q="
                        + URLEncoder.encode(
                                review.productTitle() == null ? review.productId() : review.productTitle(),
                                StandardCharsets.UTF_8));
        return ResponseEntity.ok()
                .contentType(new MediaType("application", "xml", StandardCharsets.UTF_8))
                .body(xml);
    }
}
