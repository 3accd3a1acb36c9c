package io.loyaltyloop.shopify.mapping;

import static io.loyaltyloop.db.Tables.SHOP_ORDER;
import static io.loyaltyloop.testing.Orders.order;
import static org.assertj.core.api.Assertions.assertThat;

import io.loyaltyloop.journey.JourneyPlanner;
import io.loyaltyloop.journey.JourneyService;
import io.loyaltyloop.journey.JourneySettings;
import io.loyaltyloop.journey.JourneyStep;
import io.loyaltyloop.lifecycle.OrderLifecycleEvent;
import io.loyaltyloop.loyalty.LoyaltyService;
import io.loyaltyloop.shop.ShopId;
import io.loyaltyloop.testing.MutableClock;
import io.loyaltyloop.testing.Orders;
import io.loyaltyloop.testing.Shops;
import io.loyaltyloop.testing.TestDatabase;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/**
 * Shopify's real fulfillment payloads (dated into the test's month: the examples are from 2021,
 * before any test shop was installed) make the journey they should, replays included.
 */
class FulfillmentJourneyTest {

    private static final String ORDER_ID = "820982911946154508";

    private final DSLContext dsl = TestDatabase.dsl();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-01T12:00:00Z"));
    private final LoyaltyService loyalty =
            new LoyaltyService(dsl, clock, new JourneyPlanner(dsl, JourneySettings.DEFAULTS));
    private final JourneyService journeys = new JourneyService(dsl, clock, JourneySettings.DEFAULTS);
    private final ShopifyEventMapper mapper = new ShopifyEventMapper();
    private ShopId shop;

    @BeforeEach
    void paidOrder() {
        shop = Shops.newShop(dsl).id();
        Orders order = order(shop).id(ORDER_ID).line("1", "50.00");
        loyalty.apply(order.paid(Instant.parse("2026-11-01T14:01:00Z")));
    }

    private void deliver(String topic, String eventId, Consumer<ObjectNode> edit) {
        String body = Deliveries.edited(topic, edit).body();
        var delivery = new ShopifyDelivery(topic, "example.myshopify.com", eventId, Deliveries.TRIGGERED_AT, body);
        List<OrderLifecycleEvent> events = ((ShopifyMapping.Events) mapper.map(delivery, shop)).events();
        events.forEach(loyalty::apply);
    }

    private List<String> plan() {
        long orderId = dsl.select(SHOP_ORDER.ORDER_ID)
                .from(SHOP_ORDER)
                .where(SHOP_ORDER.SHOP_ID.eq(shop.value()))
                .and(SHOP_ORDER.EXTERNAL_ID.eq(ORDER_ID))
                .fetchSingle()
                .value1();
        return journeys.timeline(shop, orderId).stream()
                .map(FulfillmentJourneyTest::line)
                .toList();
    }

    @Test
    void aPendingFulfillmentThenCarrierEventsPlanTrackingOnceAndTheFeedbackAfterDelivery() {
        deliver("fulfillments/create", "e1", f -> f.put("updated_at", "2026-11-02T10:00:00-05:00"));
        assertThat(plan()).containsExactly("ORDER_CONFIRMED PLANNED 2026-11-01T14:01:00Z");

        deliver(
                "fulfillments/update",
                "e2",
                f -> f.put("status", "success").put("updated_at", "2026-11-02T12:00:00-05:00"));
        deliver("fulfillment_events/create", "e3", e -> e.put("happened_at", "2026-11-03T10:00:00-05:00"));
        deliver("fulfillment_events/create", "e3", e -> e.put("happened_at", "2026-11-03T10:00:00-05:00"));
        deliver(
                "fulfillment_events/create",
                "e4",
                e -> e.put("id", 1234568).put("status", "delivered").put("happened_at", "2026-11-04T13:00:00-05:00"));
        // A replay of the in-transit event under a new delivery id, after the delivery.
        deliver("fulfillment_events/create", "e5", e -> e.put("happened_at", "2026-11-03T10:00:00-05:00"));

        assertThat(plan())
                .containsExactly(
                        "ORDER_CONFIRMED PLANNED 2026-11-01T14:01:00Z",
                        "SHIPPED 123456 SKIPPED 2026-11-02T17:00:00Z (stale: already DELIVERED)",
                        "IN_TRANSIT 123456 SKIPPED 2026-11-03T15:00:00Z (stale: already DELIVERED)",
                        "DELIVERED 123456 PLANNED 2026-11-04T18:00:00Z",
                        "REVIEW_REQUEST PLANNED 2026-11-11T18:00:00Z",
                        "SURVEY PLANNED 2026-11-14T18:00:00Z",
                        "REVIEW_REMINDER PLANNED 2026-11-15T18:00:00Z");
    }

    private static String line(JourneyStep s) {
        return s.kind() + (s.fulfillmentId() == null ? "" : " " + s.fulfillmentId()) + " " + s.status() + " "
                + s.dueAt() + (s.reason() == null ? "" : " (" + s.reason() + ")");
    }
}
