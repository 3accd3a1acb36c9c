package io.loyaltyloop.shopify.mapping;

import static io.loyaltyloop.shopify.mapping.Deliveries.edited;
import static io.loyaltyloop.shopify.mapping.Deliveries.lineItem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loyaltyloop.lifecycle.InvalidEventException;
import io.loyaltyloop.shop.ShopId;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

class ShopifyEventMapperTest {

    static final ShopId SHOP = new ShopId(7);

    final ShopifyEventMapper mapper = new ShopifyEventMapper();

    @Test
    void leavesTopicsThatAreNotEngineEventsToTheirOwnHandlers() {
        for (String topic :
                List.of("app/uninstalled", "shop/redact", "customers/data_request", "bulk_operations/finish")) {
            // when
            ShopifyMapping mapping = mapper.map(Deliveries.of(topic), SHOP);

            // then
            assertThat(mapping).isEqualTo(new ShopifyMapping.HandledElsewhere(topic));
        }
    }

    @Test
    void mapsARedeliveryToEqualEventsSoTheEngineDedupesIt() {
        // given the same delivery twice
        var first = Deliveries.of("orders/paid");
        var retry = Deliveries.of("orders/paid");

        // when / then
        assertThat(mapper.map(retry, SHOP)).isEqualTo(mapper.map(first, SHOP));
    }

    @Test
    void keepsOneShopifyEventDeliveredToTwoTopicsAsTwoFacts() {
        // given one event id on orders/create and orders/paid
        var created = (ShopifyMapping.Events) mapper.map(Deliveries.of("orders/create"), SHOP);
        var paid = (ShopifyMapping.Events) mapper.map(Deliveries.of("orders/paid"), SHOP);

        // then
        assertThat(created.events().getFirst().sourceEventId())
                .isNotEqualTo(paid.events().getFirst().sourceEventId());
    }

    @Test
    void refusesAnEmptyOrNonObjectBody() {
        for (String body : new String[] {"", "   ", null}) {
            assertThatThrownBy(() -> mapper.map(Deliveries.withBody("orders/create", body), SHOP))
                    .isInstanceOf(ShopifyMappingException.class)
                    .hasMessage("orders/create event " + Deliveries.EVENT_ID + " cannot be mapped: payload is empty");
        }
        assertThatThrownBy(() -> mapper.map(Deliveries.withBody("orders/paid", "{\"id\": 1"), SHOP))
                .isInstanceOf(ShopifyMappingException.class)
                .hasMessageContaining("payload is not JSON");
        assertThatThrownBy(() -> mapper.map(Deliveries.withBody("orders/paid", "[1,2]"), SHOP))
                .isInstanceOf(ShopifyMappingException.class)
                .hasMessageEndingWith("payload is not a JSON object");
    }

    @Test
    void refusesAnOrderWithoutId() {
        var delivery = edited("orders/paid", order -> order.remove("id"));

        assertThatThrownBy(() -> mapper.map(delivery, SHOP))
                .isInstanceOf(ShopifyMappingException.class)
                .hasMessage("orders/paid event " + Deliveries.EVENT_ID + " cannot be mapped: id is missing");
    }

    @Test
    void refusesAnIdThatHasBeenThroughADouble() {
        var delivery = Deliveries.withBody(
                "orders/paid",
                Deliveries.fixture("orders/paid").replace("820982911946154508,", "8.209829119461545E17,"));

        assertThatThrownBy(() -> mapper.map(delivery, SHOP))
                .isInstanceOf(ShopifyMappingException.class)
                .hasMessageEndingWith("id is not an integer id: 8.209829119461545E+17");
    }

    @Test
    void refusesANonNumericAmountNamingTheLineAndField() {
        var delivery = edited(
                "orders/create",
                order -> ((ObjectNode) lineItem(order, "976318377106520349")
                                .get("price_set")
                                .get("shop_money"))
                        .put("amount", "159,99"));

        assertThatThrownBy(() -> mapper.map(delivery, SHOP))
                .isInstanceOf(ShopifyMappingException.class)
                .hasMessageEndingWith(
                        "line 976318377106520349: price_set.shop_money.amount is not a decimal amount: \"159,99\"");
    }

    @Test
    void refusesShopMoneyInAnotherCurrencyThanTheOrders() {
        var delivery = edited(
                "orders/create",
                order -> ((ObjectNode) lineItem(order, "487817672276298554")
                                .get("price_set")
                                .get("shop_money"))
                        .put("currency_code", "EUR"));

        assertThatThrownBy(() -> mapper.map(delivery, SHOP))
                .isInstanceOf(ShopifyMappingException.class)
                .hasMessageEndingWith("price_set.shop_money is in EUR but the order's shop currency is USD");
    }

    @Test
    void refusesARefundLineWithoutItsAmount() {
        var delivery = edited(
                "refunds/create",
                refund -> ((ObjectNode) refund.get("refund_line_items").get(0)).remove("subtotal_set"));

        assertThatThrownBy(() -> mapper.map(delivery, SHOP))
                .isInstanceOf(ShopifyMappingException.class)
                .hasMessageEndingWith(
                        "refund line for line item 487817672276298554: subtotal_set.shop_money is missing");
    }

    @Test
    void refusesAnUnparseableTime() {
        var delivery = edited("fulfillments/update", f -> f.put("updated_at", "yesterday"));

        assertThatThrownBy(() -> mapper.map(delivery, SHOP))
                .isInstanceOf(ShopifyMappingException.class)
                .hasMessageEndingWith("updated_at is not an ISO-8601 time with offset: yesterday");
    }

    @Test
    void passesOnTheEnginesOwnRefusal() {
        // given what only the engine's validation catches: a customer email without @, a negative
        // quantity, an amount finer than 4 decimal places
        var badEmail = edited("orders/create", order -> ((ObjectNode) order.get("customer")).put("email", "john"));
        var negativeQuantity = edited(
                "orders/create", order -> lineItem(order, "487817672276298554").put("quantity", -1));
        var tooFine = edited(
                "orders/create",
                order -> ((ObjectNode) lineItem(order, "487817672276298554")
                                .get("price_set")
                                .get("shop_money"))
                        .put("amount", "89.99001"));

        assertThatThrownBy(() -> mapper.map(badEmail, SHOP))
                .isInstanceOf(ShopifyMappingException.class)
                .hasCauseInstanceOf(InvalidEventException.class)
                .hasMessageEndingWith("customer email is not an email address");
        assertThatThrownBy(() -> mapper.map(negativeQuantity, SHOP))
                .isInstanceOf(ShopifyMappingException.class)
                .hasMessageEndingWith("line quantity must not be negative, was -1");
        assertThatThrownBy(() -> mapper.map(tooFine, SHOP))
                .isInstanceOf(ShopifyMappingException.class)
                .hasMessageEndingWith("line amount has more than 4 decimal places");
    }

    @Test
    void refusesACancellationWithoutCancelledAt() {
        var delivery = edited("orders/cancelled", order -> order.putNull("cancelled_at"));

        assertThatThrownBy(() -> mapper.map(delivery, SHOP))
                .isInstanceOf(ShopifyMappingException.class)
                .hasMessageEndingWith("cancelled_at is missing");
    }

    @Test
    void refusesAnUnknownTopicAndADeliveryWithoutEventId() {
        assertThatThrownBy(() -> mapper.map(Deliveries.withBody("orders/updated", "{}"), SHOP))
                .isInstanceOf(ShopifyMappingException.class)
                .hasMessageEndingWith("topic is not mapped: orders/updated");
        var noEventId = new ShopifyDelivery(
                "orders/paid",
                "example.myshopify.com",
                null,
                Deliveries.TRIGGERED_AT,
                Deliveries.fixture("orders/paid"));
        assertThatThrownBy(() -> mapper.map(noEventId, SHOP))
                .isInstanceOf(ShopifyMappingException.class)
                .hasMessage("orders/paid: delivery has no X-Shopify-Event-Id");
    }

    @Test
    void refusesACustomerRedactionWithoutCustomerId() {
        var delivery = edited("customers/redact", p -> ((ObjectNode) p.get("customer")).remove("id"));

        assertThatThrownBy(() -> mapper.map(delivery, SHOP))
                .isInstanceOf(ShopifyMappingException.class)
                .hasMessageEndingWith("customer.id is missing");
    }
}
