package io.loyaltyloop.review;

import java.time.ZoneOffset;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The schema.org {@code Product} with its {@code AggregateRating} and {@code Review}s, as JSON for a
 * {@code <script type="application/ld+json">} element in the storefront. Review text is customer
 * input: besides JSON escaping, {@code <}, {@code >} and {@code &} become {@code \u003c},
 * {@code \u003e} and {@code \u0026}, so no text can close the script element or open a comment, and
 * the line separators U+2028/U+2029 are escaped for older JavaScript parsers.
 */
public final class ReviewJsonLd {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ReviewJsonLd() {}

    /** Only published reviews belong here; an empty rating leaves out {@code aggregateRating}. */
    public static String product(String productName, ProductRating rating, List<Review> reviews) {
        return forScriptElement(JSON.writeValueAsString(productNode(productName, rating, reviews)));
    }

    /** The same snippet as a JSON tree, for answers that are JSON themselves (the app proxy). */
    public static ObjectNode productNode(String productName, ProductRating rating, List<Review> reviews) {
        JsonNodeFactory nodes = JSON.getNodeFactory();
        ObjectNode product = nodes.objectNode();
        product.put("@context", "https://schema.org");
        product.put("@type", "Product");
        product.put("name", productName);
        product.put("productID", rating.productId());
        if (rating.count() > 0) {
            ObjectNode aggregate = product.putObject("aggregateRating");
            aggregate.put("@type", "AggregateRating");
            aggregate.put("ratingValue", rating.average().toPlainString());
            aggregate.put("reviewCount", rating.count());
            aggregate.put("bestRating", 5);
            aggregate.put("worstRating", 1);
        }
        ArrayNode items = nodes.arrayNode();
        for (Review review : reviews) {
            if (review.status() != ReviewStatus.PUBLISHED || review.body() == null) {
                continue;
            }
            ObjectNode item = items.addObject();
            item.put("@type", "Review");
            ObjectNode stars = item.putObject("reviewRating");
            stars.put("@type", "Rating");
            stars.put("ratingValue", review.rating());
            stars.put("bestRating", 5);
            stars.put("worstRating", 1);
            ObjectNode author = item.putObject("author");
            author.put("@type", "Person");
            author.put("name", review.shownName());
            if (review.publishedAt() != null) {
                item.put(
                        "datePublished",
                        review.publishedAt()
                                .atOffset(ZoneOffset.UTC)
                                .toLocalDate()
                                .toString());
            }
            if (review.title() != null) {
                item.put("name", review.title());
            }
            item.put("reviewBody", review.body());
        }
        if (!items.isEmpty()) {
            product.set("review", items);
        }
        return product;
    }

    /** JSON is still the same JSON after this: the replaced characters only occur inside strings. */
    static String forScriptElement(String json) {
        return json.replace("<", "\\u003c")
                .replace(">", "\\u003e")
                .replace("&", "\\u0026")
                .replace("\u2028", "\\u2028")
                .replace("\u2029", "\\u2029");
    }
}
