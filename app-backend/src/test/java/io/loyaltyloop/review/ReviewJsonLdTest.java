package io.loyaltyloop.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ReviewJsonLdTest {

    private static final Instant AT = Instant.parse("2026-11-02T10:00:00Z");

    @Test
    void describesTheProductItsRatingAndItsReviews() {
        String json = ReviewJsonLd.product(
                "Blue shirt", new ProductRating("p1", 2, new BigDecimal("4.5")), List.of(review("Great", "Fits well")));

        JsonNode product = JsonMapper.builder().build().readTree(json);
        assertThat(product.get("@type").asString()).isEqualTo("Product");
        assertThat(product.at("/aggregateRating/ratingValue").asString()).isEqualTo("4.5");
        assertThat(product.at("/aggregateRating/reviewCount").asLong()).isEqualTo(2);
        assertThat(product.at("/review/0/reviewRating/ratingValue").asInt()).isEqualTo(5);
        assertThat(product.at("/review/0/author/name").asString()).isEqualTo("Ada");
        assertThat(product.at("/review/0/datePublished").asString()).isEqualTo("2026-11-02");
    }

    @Test
    void customerTextCannotCloseTheScriptElement() {
        String hostile = "</script><script>alert(1)</script><!-- & \u2028";

        String json = ReviewJsonLd.product(
                "Shirt </script>",
                new ProductRating("p1", 1, new BigDecimal("5.0")),
                List.of(review(hostile, hostile)));

        assertThat(json).doesNotContain("<", ">", "\u2028").contains("\\u003c/script\\u003e", "\\u0026");
        JsonNode product = JsonMapper.builder().build().readTree(json);
        assertThat(product.at("/review/0/reviewBody").asString()).isEqualTo(hostile);
        assertThat(product.get("name").asString()).isEqualTo("Shirt </script>");
    }

    @Test
    void leavesOutTheAggregateOfAProductWithoutReviews() {
        String json = ReviewJsonLd.product("Shirt", new ProductRating("p1", 0, null), List.of());

        assertThat(json).doesNotContain("aggregateRating", "\"review\"");
    }

    static Review review(String title, String body) {
        return new Review(
                1,
                10,
                20L,
                "p1",
                "Blue shirt",
                5,
                title,
                body,
                "Ada",
                ReviewStatus.PUBLISHED,
                null,
                null,
                null,
                true,
                false,
                AT,
                AT);
    }
}
