package io.loyaltyloop.shopify.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loyaltyloop.lifecycle.FulfillmentUpdated;
import io.loyaltyloop.lifecycle.OrderCancelled;
import io.loyaltyloop.lifecycle.OrderLifecycleEvent;
import io.loyaltyloop.lifecycle.OrderPaid;
import io.loyaltyloop.lifecycle.OrderPlaced;
import io.loyaltyloop.lifecycle.OrderRefunded;
import io.loyaltyloop.lifecycle.RefundedLine;
import io.loyaltyloop.shop.ShopId;
import io.loyaltyloop.shopify.importing.OrderImportTest;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The bulk file's GraphQL-shaped orders become the events their webhooks would have made. */
class BulkOrderPayloadsTest {

    private static final ShopId SHOP = new ShopId(7);
    private static final String OPERATION = "gid://shopify/BulkOperation/147595010";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void aRefundedDeliveredOrderIsPlacedPaidRefundedAndFulfilledUnderStableIds() throws IOException {
        List<OrderLifecycleEvent> events = BulkOrderPayloads.events(SHOP, OPERATION, fixtureOrder(1));

        assertThat(events)
                .extracting(OrderLifecycleEvent::sourceEventId)
                .containsExactly(
                        "import:147595010:1001:placed",
                        "import:147595010:1001:paid",
                        "import:147595010:1001:refund:9001",
                        "import:147595010:1001:fulfillment:7001");
        OrderPlaced placed = (OrderPlaced) events.get(0);
        assertThat(placed.order().customer().externalId()).isEqualTo("501");
        assertThat(placed.order().lines())
                .extracting(l -> l.externalLineId() + " " + l.amount() + " " + l.giftCard())
                .containsExactly("2001 50.00 false", "2002 20.00 true");
        assertThat(((OrderPaid) events.get(1)).paidAt())
                .isEqualTo(placed.order().placedAt());
        OrderRefunded refund = (OrderRefunded) events.get(2);
        assertThat(refund.externalRefundId()).isEqualTo("9001");
        assertThat(refund.lines()).containsExactly(new RefundedLine("2001", 1, new BigDecimal("25.00")));
        FulfillmentUpdated fulfillment = (FulfillmentUpdated) events.get(3);
        assertThat(fulfillment.status()).isEqualTo("success");
        assertThat(fulfillment.shipmentStatus()).isEqualTo("delivered");
        assertThat(fulfillment.trackingCompany()).isEqualTo("UPS");
    }

    @Test
    void aCancelledOrderCarriesItsCancellation() throws IOException {
        List<OrderLifecycleEvent> events = BulkOrderPayloads.events(SHOP, OPERATION, fixtureOrder(2));

        assertThat(events).last().isInstanceOf(OrderCancelled.class);
    }

    @Test
    void taxIncludedInThePriceDoesNotEarn() throws IOException {
        BulkOrder order = fixtureOrder(0);
        ((ObjectNode) order.order()).put("taxesIncluded", true);
        ObjectNode tax = (ObjectNode) order.lineItems().get(0).get("taxLines").get(0);
        tax.set("priceSet", JSON.readTree("{\"shopMoney\":{\"amount\":\"6.67\",\"currencyCode\":\"USD\"}}"));

        OrderPlaced placed =
                (OrderPlaced) BulkOrderPayloads.events(SHOP, OPERATION, order).get(0);

        assertThat(placed.order().lines().get(0).amount()).isEqualByComparingTo("33.33");
    }

    @Test
    void anAmountInAnotherCurrencyThanTheOrdersIsRefused() throws IOException {
        BulkOrder order = fixtureOrder(0);
        ((ObjectNode) order.lineItems().get(0).get("originalUnitPriceSet").get("shopMoney")).put("currencyCode", "EUR");

        assertThatThrownBy(() -> BulkOrderPayloads.events(SHOP, OPERATION, order))
                .isInstanceOf(ShopifyMappingException.class)
                .hasMessageContaining("originalUnitPriceSet.shopMoney is in EUR");
    }

    @Test
    void anIdThatIsNoShopifyGidIsRefused() throws IOException {
        BulkOrder order = fixtureOrder(0);
        ((ObjectNode) order.order()).put("id", "1000");

        assertThatThrownBy(() -> BulkOrderPayloads.events(SHOP, OPERATION, order))
                .isInstanceOf(ShopifyMappingException.class)
                .hasMessageContaining("not a Shopify GID");
    }

    @Test
    void aTipLineIsDropped() throws IOException {
        BulkOrder order = fixtureOrder(0);
        ObjectNode tip = (ObjectNode) order.lineItems().get(0).deepCopy();
        tip.put("id", "gid://shopify/LineItem/2999")
                .put("title", "Tip")
                .putNull("product")
                .putNull("variant");
        List<JsonNode> lines = new ArrayList<>(order.lineItems());
        lines.add(tip);

        OrderPlaced placed =
                (OrderPlaced) BulkOrderPayloads.events(SHOP, OPERATION, new BulkOrder(order.order(), lines, List.of()))
                        .get(0);

        assertThat(placed.order().lines()).extracting(l -> l.externalLineId()).containsExactly("2000");
    }

    /** The {@code index}th order of the test file, as the reader hands it over. */
    private static BulkOrder fixtureOrder(int index) throws IOException {
        List<BulkOrder> orders = new ArrayList<>();
        BulkJsonl.read(
                new BufferedReader(new StringReader(OrderImportTest.file("orders.jsonl"))), 0, new BulkJsonl.Sink() {
                    @Override
                    public void order(BulkOrder order) {
                        orders.add(order);
                    }

                    @Override
                    public void rejected(String reason, boolean anOrder) {
                        throw new AssertionError(reason);
                    }
                });
        return orders.get(index);
    }
}
