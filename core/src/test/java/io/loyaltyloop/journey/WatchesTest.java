package io.loyaltyloop.journey;

import static io.loyaltyloop.journey.Journeys.fulfillment;
import static io.loyaltyloop.testing.Orders.order;
import static org.assertj.core.api.Assertions.assertThat;

import io.loyaltyloop.shop.ShopId;
import io.loyaltyloop.testing.Orders;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What time passing plans: stuck shipments, and warnings before points expire. */
class WatchesTest {

    private final Journeys j = new Journeys();
    private ShopId shop;
    private Orders order;

    @BeforeEach
    void paidOrder() {
        shop = j.newShop().id();
        order = order(shop).line("1", "50.00");
        j.loyalty.apply(order.paid(Instant.parse("2026-11-01T10:01:00Z")));
    }

    @Test
    void aTrackedShipmentSilentForFiveDaysIsNoticedOnceToCustomerAndMerchant() {
        j.loyalty.apply(fulfillment(shop, "f1", order.id(), "F1", "success", "in_transit", "2026-11-02T15:00:00Z"));
        j.clock.set(Instant.parse("2026-11-07T16:00:00Z"));

        j.journeys.planStuckShipments(10_000);
        j.journeys.planStuckShipments(10_000);

        assertThat(j.plan(shop, order.id()).stream().filter(s -> s.startsWith("SHIPMENT_STUCK")))
                .containsExactly(
                        "SHIPMENT_STUCK F1 PLANNED 2026-11-07T16:00:00Z",
                        "SHIPMENT_STUCK_ALERT F1 PLANNED 2026-11-07T16:00:00Z");
    }

    @Test
    void aShipmentThatMovedOrArrivedIsNotStuck() {
        j.loyalty.apply(fulfillment(shop, "f1", order.id(), "F1", "success", "in_transit", "2026-11-02T15:00:00Z"));
        j.loyalty.apply(fulfillment(shop, "f2", order.id(), "F1", "success", "in_transit", "2026-11-05T15:00:00Z"));
        Orders delivered = order(shop).line("1", "50.00");
        j.loyalty.apply(delivered.paid(Instant.parse("2026-11-01T10:01:00Z")));
        j.loyalty.apply(fulfillment(shop, "g1", delivered.id(), "G1", "success", "delivered", "2026-11-02T15:00:00Z"));
        j.clock.set(Instant.parse("2026-11-07T16:00:00Z"));

        j.journeys.planStuckShipments(10_000);

        assertThat(j.plan(shop, order.id())).noneMatch(s -> s.startsWith("SHIPMENT_STUCK"));
        assertThat(j.plan(shop, delivered.id())).noneMatch(s -> s.startsWith("SHIPMENT_STUCK"));
    }

    @Test
    void expiringPointsGetAWarningThirtyDaysBeforeAndALastChanceSevenDaysBefore() {
        j.clock.set(Instant.parse("2026-11-20T12:00:00Z"));
        j.loyalty.releaseDuePoints(10_000);
        long customerId = j.timeline(shop, order.id()).getFirst().customerId();
        Instant expiresAt =
                j.loyalty.balance(shop, order.customerId()).orElseThrow().expiresAt();

        j.clock.set(expiresAt.minus(Duration.ofDays(31)));
        j.journeys.planExpiryWarnings(10_000);
        assertThat(j.journeys.customerTimeline(shop, customerId)).isEmpty();

        j.clock.set(expiresAt.minus(Duration.ofDays(29)).plus(Duration.ofHours(3)));
        j.journeys.planExpiryWarnings(10_000);
        JourneyStep warning = j.journeys.customerTimeline(shop, customerId).getFirst();
        j.journeys.markSent(shop, warning.stepId());

        j.clock.set(expiresAt.minus(Duration.ofDays(6)).plus(Duration.ofHours(3)));
        j.journeys.planExpiryWarnings(10_000);
        j.journeys.planExpiryWarnings(10_000);

        assertThat(j.journeys.customerTimeline(shop, customerId))
                .extracting(JourneyStep::kind, JourneyStep::status, JourneyStep::expiryWarnedOf)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(StepKind.POINTS_EXPIRING, StepStatus.SENT, expiresAt),
                        org.assertj.core.groups.Tuple.tuple(
                                StepKind.POINTS_LAST_CHANCE, StepStatus.PLANNED, expiresAt));
    }
}
