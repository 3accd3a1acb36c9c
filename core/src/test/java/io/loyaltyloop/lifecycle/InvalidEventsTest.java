package io.loyaltyloop.lifecycle;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loyaltyloop.shop.ShopId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An invalid event cannot be constructed, so it can never reach the engine; each says what is wrong. */
class InvalidEventsTest {

    private static final ShopId SHOP = new ShopId(1);
    private static final Instant NOW = Instant.parse("2026-11-01T12:00:00Z");

    @Test
    void rejectsANegativeLineAmount() {
        assertThatThrownBy(() -> line("1", "-5.00"))
                .isInstanceOf(InvalidEventException.class)
                .hasMessage("line amount must not be negative, was -5.00");
    }

    @Test
    void rejectsANegativeRefundAmount() {
        assertThatThrownBy(() -> new RefundedLine("1", 1, new BigDecimal("-1")))
                .isInstanceOf(InvalidEventException.class)
                .hasMessage("refunded amount must not be negative, was -1");
    }

    @Test
    void rejectsANegativeQuantity() {
        assertThatThrownBy(() -> new RefundedLine("1", -1, BigDecimal.ONE))
                .isInstanceOf(InvalidEventException.class)
                .hasMessage("refunded quantity must not be negative, was -1");
    }

    @Test
    void rejectsAmountsWithMoreThanFourDecimals() {
        assertThatThrownBy(() -> line("1", "1.00001"))
                .isInstanceOf(InvalidEventException.class)
                .hasMessage("line amount has more than 4 decimal places");
    }

    @Test
    void rejectsAnUnknownCurrency() {
        assertThatThrownBy(() -> snapshot("XYZ", List.of(line("1", "5.00"))))
                .isInstanceOf(InvalidEventException.class)
                .hasMessage("order currency is not an ISO 4217 currency code: XYZ");
    }

    @Test
    void rejectsAMissingCurrency() {
        assertThatThrownBy(() -> snapshot(null, List.of()))
                .isInstanceOf(InvalidEventException.class)
                .hasMessage("order currency is missing");
    }

    @Test
    void rejectsAMissingOrderId() {
        assertThatThrownBy(() -> new OrderSnapshot(" ", "#1", "USD", NOW, null, List.of()))
                .isInstanceOf(InvalidEventException.class)
                .hasMessage("order id is missing");
    }

    @Test
    void rejectsAMissingSourceEventId() {
        OrderSnapshot order = snapshot("USD", List.of());
        assertThatThrownBy(() -> new OrderPaid(SHOP, null, NOW, order, NOW))
                .isInstanceOf(InvalidEventException.class)
                .hasMessage("source event id is missing");
    }

    @Test
    void rejectsAMissingLineId() {
        assertThatThrownBy(() -> line(null, "1.00"))
                .isInstanceOf(InvalidEventException.class)
                .hasMessage("line id is missing");
    }

    @Test
    void rejectsTheSameLineTwice() {
        assertThatThrownBy(() -> snapshot("USD", List.of(line("1", "1.00"), line("1", "2.00"))))
                .isInstanceOf(InvalidEventException.class)
                .hasMessage("order line id 1 appears twice");
    }

    @Test
    void rejectsAMissingPaymentTime() {
        OrderSnapshot order = snapshot("USD", List.of());
        assertThatThrownBy(() -> new OrderPaid(SHOP, "e-1", NOW, order, null))
                .isInstanceOf(InvalidEventException.class)
                .hasMessage("paid at is missing");
    }

    @Test
    void rejectsAMissingRefundId() {
        assertThatThrownBy(() -> new OrderRefunded(SHOP, "e-1", NOW, "o-1", "", NOW, List.of()))
                .isInstanceOf(InvalidEventException.class)
                .hasMessage("refund id is missing");
    }

    @Test
    void rejectsAnOverlongId() {
        assertThatThrownBy(() -> CustomerSnapshot.ofId("x".repeat(65)))
                .isInstanceOf(InvalidEventException.class)
                .hasMessage("customer id is longer than 64 characters");
    }

    @Test
    void rejectsAnEmailThatIsNotOne() {
        assertThatThrownBy(() -> new CustomerSnapshot("c-1", "not-an-email", null, null, null, false, null))
                .isInstanceOf(InvalidEventException.class)
                .hasMessage("customer email is not an email address");
    }

    @Test
    void rejectsATrackingUrlThatIsNotHttp() {
        assertThatThrownBy(() -> new FulfillmentUpdated(
                        SHOP, "e-1", NOW, "o-1", "f-1", "success", null, "UPS", "1Z", "javascript:alert(1)", NOW))
                .isInstanceOf(InvalidEventException.class)
                .hasMessage("tracking url must be an http(s) URL");
    }

    @Test
    void rejectsACancellationWhoseSnapshotIsForAnotherOrder() {
        OrderSnapshot other = new OrderSnapshot("o-2", "#2", "USD", NOW, null, List.of());
        assertThatThrownBy(() -> new OrderCancelled(SHOP, "e-1", NOW, "o-1", NOW, other))
                .isInstanceOf(InvalidEventException.class)
                .hasMessage("cancelled order id does not match its snapshot");
    }

    private static OrderLine line(String id, String amount) {
        return new OrderLine(id, null, null, null, null, null, null, 1, new BigDecimal(amount), false);
    }

    private static OrderSnapshot snapshot(String currency, List<OrderLine> lines) {
        return new OrderSnapshot("o-1", "#1", currency, NOW, null, lines);
    }
}
