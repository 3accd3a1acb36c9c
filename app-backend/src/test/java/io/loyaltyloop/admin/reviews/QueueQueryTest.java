package io.loyaltyloop.admin.reviews;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loyaltyloop.admin.reviews.ReviewModeration.Filter;
import io.loyaltyloop.admin.reviews.ReviewModeration.Status;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** The queue's query string, parsed and checked, and turned into the port's filter. */
class QueueQueryTest {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    @Test
    void nothingGivenIsThePendingQueuesFirstPage() {
        QueueQuery query = QueueQuery.parse(null, null, null, null, null, null, null);

        Filter filter = query.filter(NEW_YORK);

        assertThat(filter).isEqualTo(new Filter(Status.PENDING, null, null, null, null, null, 26, 0));
        assertThat(query.narrowed()).isFalse();
        assertThat(query.url(null, null)).isEqualTo("/admin/reviews?status=pending");
    }

    @Test
    void daysAreWholeDaysOfTheShopsTimeZoneAndPagesAreOffsets() {
        QueueQuery query = QueueQuery.parse("all", "4", "product-1", " soft ", "2026-11-01", "2026-11-30", "3");

        Filter filter = query.filter(NEW_YORK);

        assertThat(filter.status()).isNull();
        assertThat(filter.rating()).isEqualTo(4);
        assertThat(filter.text()).isEqualTo("soft");
        assertThat(filter.submittedFrom()).isEqualTo(Instant.parse("2026-11-01T04:00:00Z"));
        assertThat(filter.submittedBefore()).isEqualTo(Instant.parse("2026-12-01T05:00:00Z"));
        assertThat(filter.offset()).isEqualTo(50);
        assertThat(query.narrowed()).isTrue();
    }

    @Test
    void theUrlKeepsTheFiltersEncodedAndLeavesOutWhatIsNotSet() {
        QueueQuery query = QueueQuery.parse("pending", "2", null, "a&b=c", null, "2026-11-05", "2");

        assertThat(query.url("rejected", 1))
                .isEqualTo("/admin/reviews?status=rejected&rating=2&q=a%26b%3Dc&to=2026-11-05");
        assertThat(query.url(null, null)).endsWith("&page=2");
    }

    @Test
    void eachBadValueNamesItsParameter() {
        assertRefused("status", () -> QueueQuery.parse("PENDING!", null, null, null, null, null, null));
        assertRefused("rating", () -> QueueQuery.parse(null, "0", null, null, null, null, null));
        assertRefused("rating", () -> QueueQuery.parse(null, "5.5", null, null, null, null, null));
        assertRefused("product", () -> QueueQuery.parse(null, null, "p".repeat(65), null, null, null, null));
        assertRefused("q ", () -> QueueQuery.parse(null, null, null, "q".repeat(201), null, null, null));
        assertRefused("from", () -> QueueQuery.parse(null, null, null, null, "2026-02-30", null, null));
        assertRefused(
                "from must be on or before to",
                () -> QueueQuery.parse(null, null, null, null, "2026-11-02", "2026-11-01", null));
        assertRefused("page", () -> QueueQuery.parse(null, null, null, null, null, null, "201"));
    }

    private static void assertRefused(String message, org.assertj.core.api.ThrowableAssert.ThrowingCallable parse) {
        assertThatThrownBy(parse).isInstanceOf(BadReviewRequestException.class).hasMessageContaining(message);
    }
}
