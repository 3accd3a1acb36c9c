package io.loyaltyloop.review;

import java.io.StringWriter;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Function;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * A shop's published reviews as a Google product ratings feed (Product Review Feeds schema 2.3:
 * {@code feed/version, publisher, reviews/review}). Google expects the full set every time: a
 * review left out of the next fetch is deleted on their side. The XML writer escapes all text and
 * attributes; control characters never reach it, because the review form refuses them.
 */
final class ProductRatingsFeed {

    static final String SCHEMA = "http://www.google.com/shopping/reviews/schema/product/2.3/product_reviews.xsd";

    private ProductRatingsFeed() {}

    /**
     * @param productUrl the storefront page of a product, by host product id
     */
    static String render(String publisherName, List<Review> reviews, Function<Review, String> productUrl) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("feed");
            xml.writeNamespace("vc", "http://www.w3.org/2007/XMLSchema-versioning");
            xml.writeNamespace("xsi", "http://www.w3.org/2001/XMLSchema-instance");
            xml.writeAttribute("xsi:noNamespaceSchemaLocation", SCHEMA);
            element(xml, "version", "2.3");
            xml.writeStartElement("publisher");
            element(xml, "name", publisherName);
            xml.writeEndElement();
            xml.writeStartElement("reviews");
            for (Review review : reviews) {
                if (review.status() == ReviewStatus.PUBLISHED && review.body() != null) {
                    review(xml, review, productUrl.apply(review));
                }
            }
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("writing XML to a string cannot fail", e);
        }
        return out.toString();
    }

    private static void review(XMLStreamWriter xml, Review review, String productUrl) throws XMLStreamException {
        xml.writeStartElement("review");
        element(xml, "review_id", String.valueOf(review.reviewId()));
        xml.writeStartElement("reviewer");
        xml.writeStartElement("name");
        xml.writeAttribute("is_anonymous", String.valueOf(review.displayName() == null));
        xml.writeCharacters(review.shownName());
        xml.writeEndElement();
        xml.writeEndElement();
        element(
                xml,
                "review_timestamp",
                DateTimeFormatter.ISO_INSTANT.format(
                        review.submittedAt().truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC)));
        if (review.title() != null) {
            element(xml, "title", review.title());
        }
        element(xml, "content", review.body());
        // Reviews are shown on the product page, together: a "group" URL in the schema's terms.
        xml.writeStartElement("review_url");
        xml.writeAttribute("type", "group");
        xml.writeCharacters(productUrl);
        xml.writeEndElement();
        xml.writeStartElement("ratings");
        xml.writeStartElement("overall");
        xml.writeAttribute("min", "1");
        xml.writeAttribute("max", "5");
        xml.writeCharacters(String.valueOf(review.rating()));
        xml.writeEndElement();
        xml.writeEndElement();
        xml.writeStartElement("products");
        xml.writeStartElement("product");
        if (review.productTitle() != null) {
            element(xml, "product_name", review.productTitle());
        }
        element(xml, "product_url", productUrl);
        xml.writeEndElement();
        xml.writeEndElement();
        element(xml, "is_spam", "false");
        // Asked for by the review request sent after delivery.
        element(xml, "collection_method", "post_fulfillment");
        xml.writeEndElement();
    }

    private static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(text);
        xml.writeEndElement();
    }
}
