package io.loyaltyloop.admin.reviews;

import io.loyaltyloop.admin.reviews.ReviewModeration.Filter;
import io.loyaltyloop.admin.reviews.ReviewModeration.Status;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The queue's filters and page as the query string gives them, checked: a value no form of ours
 * sends is a {@link BadReviewRequestException} naming the parameter. Pending is the default view.
 *
 * Public for the templates (SpEL).
 *
 * @param status {@code pending}, {@code published}, {@code rejected} or {@code all}
 * @param from first day shown (shop time), inclusive; null for no bound
 * @param to last day shown (shop time), inclusive; null for no bound
 */
public record QueueQuery(
        String status, Integer rating, String product, String q, LocalDate from, LocalDate to, int page) {

    static final int PAGE_SIZE = 25;
    static final int MAX_PAGE = 200;
    static final int MAX_SEARCH = 200;
    static final int MAX_PRODUCT = 64;

    /** The query string as sent (the queue's GET, and the filters a bulk form carries back). */
    public record Params(String status, String rating, String product, String q, String from, String to, String page) {

        QueueQuery parse() {
            return QueueQuery.parse(status, rating, product, q, from, to, page);
        }
    }

    static QueueQuery parse(
            String status, String rating, String product, String q, String from, String to, String page) {
        String shownStatus = status == null || status.isBlank() ? "pending" : status.strip();
        if (!shownStatus.matches("pending|published|rejected|all")) {
            throw new BadReviewRequestException("status must be pending, published, rejected or all");
        }
        Long stars = BadReviewRequestException.bounded("rating", rating, 1, 5);
        String productId = product == null || product.isBlank() ? null : product.strip();
        if (productId != null && productId.length() > MAX_PRODUCT) {
            throw new BadReviewRequestException("product is limited to " + MAX_PRODUCT + " characters");
        }
        String text = q == null ? "" : q.strip();
        if (text.length() > MAX_SEARCH) {
            throw new BadReviewRequestException("q (the search) is limited to " + MAX_SEARCH + " characters");
        }
        LocalDate first = day("from", from);
        LocalDate last = day("to", to);
        if (first != null && last != null && first.isAfter(last)) {
            throw new BadReviewRequestException("from must be on or before to");
        }
        Long pageNumber = BadReviewRequestException.bounded("page", page, 1, MAX_PAGE);
        return new QueueQuery(
                shownStatus,
                stars == null ? null : stars.intValue(),
                productId,
                text,
                first,
                last,
                pageNumber == null ? 1 : pageNumber.intValue());
    }

    /** One more than a page, so that the screen knows whether there is a next one. */
    Filter filter(ZoneId zone) {
        return new Filter(
                statusValue(),
                rating,
                product,
                q.isEmpty() ? null : q,
                from == null ? null : from.atStartOfDay(zone).toInstant(),
                to == null ? null : to.plusDays(1).atStartOfDay(zone).toInstant(),
                PAGE_SIZE + 1,
                (page - 1) * PAGE_SIZE);
    }

    Status statusValue() {
        return "all".equals(status) ? null : Status.valueOf(status.toUpperCase(Locale.ROOT));
    }

    /** Whether any filter besides the status narrows the queue. */
    public boolean narrowed() {
        return rating != null || product != null || !q.isEmpty() || from != null || to != null;
    }

    /** The screen's address with these filters, another status and page (null: this one). */
    public String url(String otherStatus, Integer otherPage) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("status", otherStatus == null ? status : otherStatus);
        params.put("rating", rating);
        params.put("product", product);
        params.put("q", q.isEmpty() ? null : q);
        params.put("from", from);
        params.put("to", to);
        int shownPage = otherPage == null ? page : otherPage;
        params.put("page", shownPage == 1 ? null : shownPage);
        return "/admin/reviews?"
                + params.entrySet().stream()
                        .filter(e -> e.getValue() != null)
                        .map(e -> e.getKey() + "="
                                + URLEncoder.encode(e.getValue().toString(), StandardCharsets.UTF_8))
                        .collect(Collectors.joining("&"));
    }

    private static LocalDate day(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new BadReviewRequestException(name + " must be a date like 2026-11-01");
        }
    }
}
