package io.loyaltyloop.broadleaf.oms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loyaltyloop.broadleaf.outbox.LoyaltyOutbox;
import io.loyaltyloop.broadleaf.outbox.OutboxRow;
import io.loyaltyloop.broadleaf.testing.BroadleafSite;
import io.loyaltyloop.broadleaf.testing.Checkouts;
import io.loyaltyloop.broadleaf.testing.Checkouts.Line;
import java.math.BigDecimal;
import java.util.List;
import java.util.function.Consumer;
import org.broadleafcommerce.core.order.domain.Order;
import org.broadleafcommerce.core.order.service.OrderService;
import org.codehaus.jackson.JsonNode;
import org.codehaus.jackson.map.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

class LoyaltyLoopEventsTest {

    private static final LoyaltyLoopEvents events = BroadleafSite.bean("loyaltyLoopEvents", LoyaltyLoopEvents.class);
    private static final LoyaltyOutbox outbox = BroadleafSite.bean("loyaltyLoopOutbox", LoyaltyOutbox.class);
    private static Order order;
    private static long mugLine;

    @BeforeAll
    static void aSubmittedOrder() throws Exception {
        order = Checkouts.checkout(
                Checkouts.newCustomer(), List.of(new Line("Mug", "12.00", 2), new Line("Tea", "5.50", 1)), null);
        mugLine = BroadleafSite.inRequest(() -> BroadleafSite.bean("blOrderService", OrderService.class)
                .findOrderById(order.getId())
                .getDiscreteOrderItems()
                .get(0)
                .getId());
    }

    @Test
    void aShipmentUpdateBecomesOneEventAndARepeatWritesNothing() throws Exception {
        // when
        String first = events.shipmentUpdated(
                order.getId(), "ship-1", ShipmentStatus.IN_TRANSIT, "UPS", "1Z999", "https://ups.example/1Z999");
        String repeat = events.shipmentUpdated(
                order.getId(), "ship-1", ShipmentStatus.IN_TRANSIT, "UPS", "1Z999", "https://ups.example/1Z999");

        // then
        assertThat(repeat).isEqualTo(first);
        JsonNode data = data(first);
        assertThat(data.get("orderId").getTextValue()).isEqualTo(String.valueOf(order.getId()));
        assertThat(data.get("shipmentId").getTextValue()).isEqualTo("ship-1");
        assertThat(data.get("status").getTextValue()).isEqualTo("in_transit");
        assertThat(data.get("carrier").getTextValue()).isEqualTo("UPS");
        assertThat(data.get("trackingNumber").getTextValue()).isEqualTo("1Z999");
        assertThat(data.get("trackingUrl").getTextValue()).isEqualTo("https://ups.example/1Z999");
        assertThat(data.get("updatedAt").getTextValue()).endsWith("Z");
    }

    @Test
    void aRefundNamesTheOrderLinesWithExactAmounts() throws Exception {
        // when
        String id = events.orderRefunded(
                order.getId(), "refund-7", List.of(new RefundLine(mugLine, 1, new BigDecimal("12"))));

        // then
        JsonNode data = data(id);
        assertThat(data.get("refundId").getTextValue()).isEqualTo("refund-7");
        assertThat(data.get("lines").get(0).get("lineId").getTextValue()).isEqualTo(String.valueOf(mugLine));
        assertThat(data.get("lines").get(0).get("quantity").getIntValue()).isEqualTo(1);
        assertThat(data.get("lines").get(0).get("amount").getTextValue()).isEqualTo("12.00");
    }

    @Test
    void broadleafsOwnCancelOrderRecordsTheCancellationBeforeDeletingTheOrder() throws Exception {
        // given
        Order doomed = Checkouts.checkout(Checkouts.newCustomer(), List.of(new Line("Kettle", "30.00", 1)), null);

        // when
        BroadleafSite.inRequest(() -> {
            OrderService orders = BroadleafSite.bean("blOrderService", OrderService.class);
            orders.cancelOrder(orders.findOrderById(doomed.getId()));
            return null;
        });

        // then
        List<OutboxRow> cancellations = outbox.rows().stream()
                .filter(r -> r.type().equals("order.cancelled") && r.orderId().equals(String.valueOf(doomed.getId())))
                .toList();
        assertThat(cancellations).hasSize(1);
        assertThat(new ObjectMapper().readTree(cancellations.get(0).data()).get("cancelledAt"))
                .isNotNull();
    }

    static final List<Consumer<LoyaltyLoopEvents>> invalidCalls = List.of(
            e -> e.shipmentUpdated(order.getId(), "ship-2", ShipmentStatus.SHIPPED, "UPS", "1", "javascript:alert(1)"),
            e -> e.shipmentUpdated(order.getId(), "ship 2", ShipmentStatus.SHIPPED, null, null, null),
            e -> e.shipmentUpdated(order.getId(), "ship-2", null, null, null, null),
            e -> e.shipmentUpdated(order.getId(), "ship-2", ShipmentStatus.SHIPPED, "x".repeat(101), null, null),
            e -> e.shipmentUpdated(999_999_999L, "ship-2", ShipmentStatus.SHIPPED, null, null, null),
            e -> e.orderRefunded(order.getId(), "r-2", List.of()),
            e -> e.orderRefunded(order.getId(), "r-2", List.of(new RefundLine(-5, 1, BigDecimal.ONE))),
            e -> e.orderRefunded(
                    order.getId(), "r-2", List.of(new RefundLine(firstLine(), 1, new BigDecimal("1.005")))),
            e -> e.orderRefunded(order.getId(), "r-2", List.of(new RefundLine(firstLine(), 1, new BigDecimal("-1")))),
            e -> e.orderRefunded(order.getId(), "r-2", List.of(new RefundLine(firstLine(), -1, BigDecimal.ONE))),
            e -> e.orderCancelled(0),
            e -> e.customerRedacted(-1));

    @ParameterizedTest
    @FieldSource("invalidCalls")
    void anInvalidCallIsRefusedAndWritesNothing(Consumer<LoyaltyLoopEvents> call) {
        int before = outbox.rows().size();

        assertThatThrownBy(() -> call.accept(events)).isInstanceOf(IllegalArgumentException.class);

        assertThat(outbox.rows()).hasSize(before);
    }

    private static long firstLine() {
        return mugLine;
    }

    private static JsonNode data(String eventId) throws Exception {
        OutboxRow row = outbox.rows().stream()
                .filter(r -> r.eventId().equals(eventId))
                .findFirst()
                .orElseThrow();
        return new ObjectMapper().readTree(row.data());
    }
}
