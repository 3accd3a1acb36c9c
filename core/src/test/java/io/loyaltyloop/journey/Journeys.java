package io.loyaltyloop.journey;

import static io.loyaltyloop.db.Tables.SHOP_ORDER;

import io.loyaltyloop.lifecycle.FulfillmentUpdated;
import io.loyaltyloop.loyalty.LoyaltyService;
import io.loyaltyloop.shop.Shop;
import io.loyaltyloop.shop.ShopId;
import io.loyaltyloop.testing.MutableClock;
import io.loyaltyloop.testing.Shops;
import io.loyaltyloop.testing.TestDatabase;
import java.time.Instant;
import java.util.List;
import org.jooq.DSLContext;

/** The engine with the journey planner hooked in, on the test database, and helpers to read plans. */
final class Journeys {

    static final Instant NOW = Instant.parse("2026-11-01T12:00:00Z");

    final DSLContext dsl = TestDatabase.dsl();
    final MutableClock clock = new MutableClock(NOW);
    final LoyaltyService loyalty = new LoyaltyService(dsl, clock, new JourneyPlanner(dsl, JourneySettings.DEFAULTS));
    final JourneyService journeys = new JourneyService(dsl, clock, JourneySettings.DEFAULTS);

    Shop newShop() {
        return Shops.newShop(dsl);
    }

    long orderId(ShopId shop, String externalOrderId) {
        return dsl.select(SHOP_ORDER.ORDER_ID)
                .from(SHOP_ORDER)
                .where(SHOP_ORDER.SHOP_ID.eq(shop.value()))
                .and(SHOP_ORDER.EXTERNAL_ID.eq(externalOrderId))
                .fetchSingle()
                .value1();
    }

    List<JourneyStep> timeline(ShopId shop, String externalOrderId) {
        return journeys.timeline(shop, orderId(shop, externalOrderId));
    }

    /** The plan as "KIND fulfillment STATUS due (reason)" lines, comparable across shops. */
    List<String> plan(ShopId shop, String externalOrderId) {
        return timeline(shop, externalOrderId).stream()
                .map(s -> s.kind() + " " + (s.fulfillmentId() == null ? "-" : s.fulfillmentId()) + " " + s.status()
                        + " " + s.dueAt() + (s.reason() == null ? "" : " (" + s.reason() + ")"))
                .sorted()
                .toList();
    }

    /** A fulfillment update as Shopify's webhooks map to it. */
    static FulfillmentUpdated fulfillment(
            ShopId shop,
            String eventId,
            String orderId,
            String fulfillmentId,
            String status,
            String shipment,
            String at) {
        Instant updatedAt = Instant.parse(at);
        return new FulfillmentUpdated(
                shop,
                eventId,
                updatedAt,
                orderId,
                fulfillmentId,
                status,
                shipment,
                "UPS",
                "1Z999",
                "https://www.ups.com/track?tracknum=1Z999",
                updatedAt);
    }
}
