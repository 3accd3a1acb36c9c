package io.loyaltyloop.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class ProductRatingsFeedTest {

    private static final Instant AT = Instant.parse("2026-11-02T10:00:00.123Z");

    @Test
    void listsPublishedReviewsInGooglesSchemaWithTextEscaped() throws Exception {
        Review hostile = review(1, ReviewStatus.PUBLISHED, "<b>Bold</b> & \"quoted\"", null);
        Review pending = review(2, ReviewStatus.PENDING, "not yet", "Bo");

        String xml = ProductRatingsFeed.render("Shop & Co", List.of(hostile, pending), r -> "https://s.test/p?a=1&b=2");

        assertThat(xml).doesNotContain("<b>").contains("&lt;b&gt;Bold&lt;/b&gt; &amp;");
        Document feed = DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        assertThat(text(feed, "version")).isEqualTo("2.3");
        assertThat(text(feed, "name")).isEqualTo("Shop & Co");
        assertThat(feed.getElementsByTagName("review").getLength()).isEqualTo(1);
        assertThat(text(feed, "content")).isEqualTo("<b>Bold</b> & \"quoted\"");
        assertThat(text(feed, "review_timestamp")).isEqualTo("2026-11-02T10:00:00Z");
        assertThat(text(feed, "overall")).isEqualTo("4");
        assertThat(text(feed, "product_url")).isEqualTo("https://s.test/p?a=1&b=2");
        assertThat(feed.getElementsByTagName("name")
                        .item(1)
                        .getAttributes()
                        .getNamedItem("is_anonymous")
                        .getNodeValue())
                .isEqualTo("true");
        assertThat(text(feed, "collection_method")).isEqualTo("post_fulfillment");
    }

    private static String text(Document document, String tag) {
        return document.getElementsByTagName(tag).item(0).getTextContent();
    }

    private static Review review(long id, ReviewStatus status, String body, String name) {
        return new Review(
                id, 10, 20L, "p1", "Blue shirt", 4, null, body, name, status, null, null, null, true, false, AT, AT);
    }
}
