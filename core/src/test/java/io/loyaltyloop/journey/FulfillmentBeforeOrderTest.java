package io.loyaltyloop.journey;

import static io.loyaltyloop.journey.Journeys.fulfillment;
import static io.loyaltyloop.testing.Orders.order;
import static org.assertj.core.api.Assertions.assertThat;

import io.loyaltyloop.shop.ShopId;
import io.loyaltyloop.testing.Orders;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Shopify does not order its webhooks: a fulfillment can arrive before the order it belongs to, and a
 * dispatcher on another instance can run in between. The shipping email must still go to the
 * order's customer once the order arrives.
 */
class FulfillmentBeforeOrderTest {

    private final Journeys j = new Journeys();

    @Test
    void aFulfillmentOfAnOrderNotYetSeenPlansNothingUntilTheOrderBringsItsCustomer() {
        ShopId shop = j.newShop().id();
        Orders order = order(shop).line("1", "50.00");

        j.loyalty.apply(fulfillment(shop, "f1", order.id(), "F1", "success", null, "2026-11-01T11:00:00Z"));
        // A step planned now would have no recipient; a dispatcher would skip it for good.
        assertThat(j.timeline(shop, order.id())).isEmpty();

        j.loyalty.apply(order.paid(Instant.parse("2026-11-01T10:01:00Z")));

        assertThat(j.timeline(shop, order.id()))
                .filteredOn(s -> s.kind() == StepKind.SHIPPED)
                .singleElement()
                .satisfies(s -> {
                    assertThat(s.status()).isEqualTo(StepStatus.PLANNED);
                    assertThat(s.customerId()).isNotNull();
                });
    }

    @Test
    void aGuestOrderGetsNoSteps() {
        ShopId shop = j.newShop().id();
        Orders order = order(shop).guest().line("1", "50.00");

        j.loyalty.apply(order.paid(Instant.parse("2026-11-01T10:01:00Z")));
        j.loyalty.apply(fulfillment(shop, "f1", order.id(), "F1", "success", null, "2026-11-01T11:00:00Z"));

        assertThat(j.timeline(shop, order.id())).isEmpty();
    }
}
