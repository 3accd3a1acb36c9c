package io.loyaltyloop.shopify.mapping;

import static io.loyaltyloop.shopify.mapping.Deliveries.edited;
import static io.loyaltyloop.shopify.mapping.Deliveries.moneySet;
import static org.assertj.core.api.Assertions.assertThat;

import io.loyaltyloop.lifecycle.OrderLifecycleEvent;
import io.loyaltyloop.lifecycle.OrderRefunded;
import io.loyaltyloop.lifecycle.RefundedLine;
import io.loyaltyloop.shop.ShopId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

class RefundMappingTest {

    static final ShopId SHOP = new ShopId(7);

    final ShopifyEventMapper mapper = new ShopifyEventMapper();

    List<OrderLifecycleEvent> events(ShopifyDelivery delivery) {
        return ((ShopifyMapping.Events) mapper.map(delivery, SHOP)).events();
    }

    @Test
    void mapsTheExampleRefundByOrderLineWithSubtotalsInShopMoney() {
        // given Shopify's example refunds/create payload

        // when
        List<OrderLifecycleEvent> events = events(Deliveries.of("refunds/create"));

        // then lines are keyed by line_item_id, not by the refund line's own (imprecise) id
        assertThat(events).hasSize(1);
        var refund = (OrderRefunded) events.getFirst();
        assertThat(refund.sourceEventId()).isEqualTo("refunds/create:" + Deliveries.EVENT_ID);
        assertThat(refund.externalRefundId()).isEqualTo("890088186047892319");
        assertThat(refund.externalOrderId()).isEqualTo("820982911946154508");
        assertThat(refund.refundedAt()).isEqualTo(Instant.parse("2022-01-01T00:00:00Z"));
        assertThat(refund.occurredAt()).isEqualTo(refund.refundedAt());
        assertThat(refund.lines())
                .containsExactly(
                        new RefundedLine("487817672276298554", 1, new BigDecimal("89.99")),
                        new RefundedLine("789012345678901234", 1, new BigDecimal("19.99")),
                        new RefundedLine("890123456789012345", 1, new BigDecimal("24.99")),
                        // the example's subtotal ignores the line's 10.00 of allocations; we take it as given
                        new RefundedLine("976318377106520349", 1, new BigDecimal("159.99")),
                        new RefundedLine("315789986012684393", 1, new BigDecimal("119.99")));
    }

    @Test
    void ignoresOrderAdjustmentsAndShippingRefunds() {
        // given a shipping refund as an order adjustment next to the lines
        var delivery = edited(
                "refunds/create",
                refund -> refund.withArrayProperty("order_adjustments")
                        .addObject()
                        .put("id", 1L)
                        .put("kind", "shipping_refund")
                        .put("amount", "-10.00")
                        .set("amount_set", moneySet("-10.00", "USD")));

        // when
        var refund = (OrderRefunded) events(delivery).getFirst();

        // then
        assertThat(refund.lines()).hasSize(5);
        assertThat(refund.lines().stream().map(RefundedLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo("414.95");
    }

    @Test
    void mapsARefundWithoutLinesToNoEvent() {
        // given a shipping-only refund
        var delivery = edited("refunds/create", refund -> refund.putArray("refund_line_items"));

        // when / then
        assertThat(events(delivery)).isEmpty();
    }

    @Test
    void sumsTwoRefundLinesForOneOrderLine() {
        // given the aviator refunded in two parts (restocked at two locations)
        var delivery = edited("refunds/create", refund -> {
            var items = refund.withArrayProperty("refund_line_items");
            ObjectNode second = (ObjectNode) items.get(0).deepCopy();
            second.put("quantity", 2);
            second.set("subtotal_set", moneySet("10.01", "USD"));
            items.add(second);
        });

        // when
        var refund = (OrderRefunded) events(delivery).getFirst();

        // then
        assertThat(refund.lines()).hasSize(5);
        assertThat(refund.lines().getFirst())
                .isEqualTo(new RefundedLine("487817672276298554", 3, new BigDecimal("100.00")));
    }

    @Test
    void usesShopMoneyWhenThePresentmentCurrencyDiffers() {
        // given
        var delivery = edited(
                "refunds/create",
                refund -> refund.findParents("presentment_money")
                        .forEach(parent -> ((ObjectNode) parent.get("presentment_money"))
                                .put("amount", "1.23")
                                .put("currency_code", "EUR")));

        // when
        var refund = (OrderRefunded) events(delivery).getFirst();

        // then
        assertThat(refund.lines().getFirst().amount()).isEqualByComparingTo("89.99");
    }

    @Test
    void fallsBackToCreatedAtWhenProcessedAtIsAbsent() {
        // given
        var delivery = edited("refunds/create", refund -> {
            refund.putNull("processed_at");
            refund.put("created_at", "2022-01-05T10:00:00+01:00");
        });

        // when / then
        assertThat(((OrderRefunded) events(delivery).getFirst()).refundedAt())
                .isEqualTo(Instant.parse("2022-01-05T09:00:00Z"));
    }
}
