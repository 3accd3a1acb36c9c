package io.loyaltyloop.broadleaf.checkout;

import static org.assertj.core.api.Assertions.assertThat;

import io.loyaltyloop.broadleaf.oms.LoyaltyLoopEvents;
import io.loyaltyloop.broadleaf.outbox.LoyaltyOutbox;
import io.loyaltyloop.broadleaf.outbox.OutboxRow;
import io.loyaltyloop.broadleaf.testing.BroadleafSite;
import io.loyaltyloop.broadleaf.testing.Checkouts;
import io.loyaltyloop.broadleaf.testing.Checkouts.Line;
import java.util.List;
import org.broadleafcommerce.core.order.domain.Order;
import org.broadleafcommerce.core.order.service.type.OrderStatus;
import org.broadleafcommerce.profile.core.domain.Customer;
import org.codehaus.jackson.JsonNode;
import org.codehaus.jackson.map.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

class CheckoutOutboxTest {

    private final LoyaltyOutbox outbox = BroadleafSite.bean("loyaltyLoopOutbox", LoyaltyOutbox.class);

    @Test
    void aRealCheckoutWritesExactlyOneOrderSubmittedRowWithTheLines() throws Exception {
        // given
        Customer customer = Checkouts.newCustomer();

        // when
        Order order = Checkouts.checkout(
                customer, List.of(new Line("Hot Sauce A", "9.99", 2), new Line("Hot Sauce B", "14.50", 1)), null);

        // then
        assertThat(order.getStatus()).isEqualTo(OrderStatus.SUBMITTED);
        List<OutboxRow> rows = rowsOf(order);
        assertThat(rows).hasSize(1);
        OutboxRow row = rows.get(0);
        assertThat(row.type()).isEqualTo("order.submitted");
        JsonNode json = new ObjectMapper().readTree(row.data()).get("order");
        assertThat(json.get("id").getTextValue()).isEqualTo(String.valueOf(order.getId()));
        assertThat(json.get("number").getTextValue()).isEqualTo(order.getOrderNumber());
        assertThat(json.get("currency").getTextValue()).isEqualTo("USD");
        assertThat(json.get("customer").get("id").getTextValue()).isEqualTo(String.valueOf(customer.getId()));
        assertThat(json.get("customer").get("email").getTextValue()).isEqualTo(customer.getEmailAddress());
        assertThat(json.get("lines")).hasSize(2);
        assertThat(json.get("lines").get(0).get("amount").getTextValue()).isEqualTo("19.98");
        assertThat(json.get("lines").get(0).get("quantity").getIntValue()).isEqualTo(2);
        assertThat(json.get("lines").get(0).get("vendor").getTextValue()).isEqualTo("Heat Clinic");
        assertThat(json.get("lines").get(1).get("amount").getTextValue()).isEqualTo("14.50");
    }

    @Test
    void replayingTheOrderWritesNoSecondOrderSubmitted() throws Exception {
        // given
        Order order = Checkouts.checkout(Checkouts.newCustomer(), List.of(new Line("Salsa", "4.25", 3)), null);
        String eventId = rowsOf(order).get(0).eventId();

        // when the merchant replays it
        String replayed =
                BroadleafSite.bean("loyaltyLoopEvents", LoyaltyLoopEvents.class).orderSubmitted(order.getId());

        // then
        assertThat(replayed).isEqualTo(eventId);
        assertThat(rowsOf(order)).hasSize(1);
    }

    @Test
    void whenTheOutboxCannotBeWrittenTheCheckoutStillSucceeds() throws Exception {
        // given an outbox table the site database cannot write to
        JdbcTemplate jdbc = BroadleafSite.jdbc();
        jdbc.execute("alter table loyalty_outbox rename to loyalty_outbox_away");
        Order order;
        try {
            // when
            order = Checkouts.checkout(Checkouts.newCustomer(), List.of(new Line("Hot Sauce", "9.99", 1)), null);
        } finally {
            jdbc.execute("alter table loyalty_outbox_away rename to loyalty_outbox");
        }

        // then the customer's order went through; the event is missing (logged for a replay)
        assertThat(order.getStatus()).isEqualTo(OrderStatus.SUBMITTED);
        assertThat(rowsOf(order)).isEmpty();
    }

    @Test
    void aGuestCheckoutHasNoCustomer() throws Exception {
        Customer guest = Checkouts.newGuest();

        Order order = Checkouts.checkout(guest, List.of(new Line("Hot Sauce", "9.99", 1)), null);

        JsonNode json = new ObjectMapper().readTree(rowsOf(order).get(0).data()).get("order");
        assertThat(json.get("customer").isNull()).isTrue();
    }

    private List<OutboxRow> rowsOf(Order order) {
        return outbox.rows().stream()
                .filter(r -> String.valueOf(order.getId()).equals(r.orderId()))
                .toList();
    }
}
