package io.loyaltyloop.journey;

import static io.loyaltyloop.journey.Journeys.fulfillment;
import static io.loyaltyloop.testing.Orders.order;
import static org.assertj.core.api.Assertions.assertThat;

import io.loyaltyloop.shop.Shop;
import io.loyaltyloop.shop.ShopId;
import io.loyaltyloop.testing.Orders;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The steps each fact of an order plans (shop in New York: 09:00–20:00 is 14:00–01:00 UTC in winter). */
class OrderPlanTest {

    private final Journeys j = new Journeys();
    private ShopId shop;
    private Orders order;

    @BeforeEach
    void paidOrder() {
        Shop s = j.newShop();
        shop = s.id();
        order = order(shop).line("1", "50.00");
        j.loyalty.apply(order.paid(Instant.parse("2026-11-01T10:01:00Z")));
    }

    private void fulfil(String eventId, String fulfillmentId, String status, String shipment, String at) {
        j.loyalty.apply(fulfillment(shop, eventId, order.id(), fulfillmentId, status, shipment, at));
    }

    @Test
    void aPaidOrderPlansItsConfirmationAtPayment() {
        assertThat(j.plan(shop, order.id())).containsExactly("ORDER_CONFIRMED - PLANNED 2026-11-01T10:01:00Z");
    }

    @Test
    void aPendingFulfillmentPlansNothingYet() {
        fulfil("f1", "F1", "pending", null, "2026-11-02T15:00:00Z");

        assertThat(j.plan(shop, order.id())).containsExactly("ORDER_CONFIRMED - PLANNED 2026-11-01T10:01:00Z");
    }

    @Test
    void eachStatusSentBeforeTheNextArrivesStaysSentAndDeliveryPlansTheFeedback() {
        fulfil("f1", "F1", "success", null, "2026-11-02T15:00:00Z");
        sendDueBy("2026-11-02T15:00:00Z");
        fulfil("f2", "F1", "success", "in_transit", "2026-11-03T15:00:00Z");
        sendDueBy("2026-11-03T15:00:00Z");
        fulfil("f3", "F1", "success", "out_for_delivery", "2026-11-04T13:00:00Z");
        fulfil("f4", "F1", "success", "delivered", "2026-11-04T18:00:00Z");

        assertThat(j.plan(shop, order.id()))
                .containsExactly(
                        "DELIVERED F1 PLANNED 2026-11-04T18:00:00Z",
                        "IN_TRANSIT F1 SENT 2026-11-03T15:00:00Z",
                        "ORDER_CONFIRMED - SENT 2026-11-01T10:01:00Z",
                        "OUT_FOR_DELIVERY F1 SKIPPED 2026-11-04T13:00:00Z (stale: already DELIVERED)",
                        "REVIEW_REMINDER - PLANNED 2026-11-15T18:00:00Z",
                        "REVIEW_REQUEST - PLANNED 2026-11-11T18:00:00Z",
                        "SHIPPED F1 SENT 2026-11-02T15:00:00Z",
                        "SURVEY - PLANNED 2026-11-14T18:00:00Z");
    }

    /** What a dispatcher does, without the emails: sends what is due by then. */
    private void sendDueBy(String time) {
        for (JourneyStep step : j.timeline(shop, order.id())) {
            if (step.status() == StepStatus.PLANNED && !step.dueAt().isAfter(Instant.parse(time))) {
                j.journeys.markSent(shop, step.stepId());
            }
        }
    }

    @Test
    void withoutADeliveryTheReviewRequestComesFourteenDaysAfterFulfillment() {
        fulfil("f1", "F1", "success", null, "2026-11-02T15:00:00Z");

        assertThat(j.plan(shop, order.id()))
                .contains(
                        "REVIEW_REQUEST - PLANNED 2026-11-16T15:00:00Z",
                        "REVIEW_REMINDER - PLANNED 2026-11-20T15:00:00Z",
                        // as if delivered 7 days after fulfillment, then the survey's 10 days
                        "SURVEY - PLANNED 2026-11-19T15:00:00Z");
    }

    @Test
    void aDeliveryAfterTheFallbackWasPlannedMovesTheReviewRequest() {
        fulfil("f1", "F1", "success", null, "2026-11-02T15:00:00Z");
        fulfil("f2", "F1", "success", "delivered", "2026-11-03T15:00:00Z");

        assertThat(j.plan(shop, order.id())).contains("REVIEW_REQUEST - PLANNED 2026-11-10T15:00:00Z");
    }

    @Test
    void feedbackDueAtNightWaitsForNineInTheMorningShopTime() {
        // 03:00 UTC is 22:00 in New York: the request moves to 09:00 the next day, 14:00 UTC.
        fulfil("f1", "F1", "success", "delivered", "2026-11-04T03:00:00Z");

        assertThat(j.plan(shop, order.id()))
                .contains("DELIVERED F1 PLANNED 2026-11-04T03:00:00Z", "REVIEW_REQUEST - PLANNED 2026-11-11T14:00:00Z");
    }

    @Test
    void aLateInTransitAfterDeliveredIsSkippedAsStale() {
        fulfil("f2", "F1", "success", "delivered", "2026-11-04T18:00:00Z");
        fulfil("f1", "F1", "success", "in_transit", "2026-11-03T15:00:00Z");

        assertThat(j.plan(shop, order.id()))
                .contains(
                        "DELIVERED F1 PLANNED 2026-11-04T18:00:00Z",
                        "IN_TRANSIT F1 SKIPPED 2026-11-03T15:00:00Z (stale: already DELIVERED)");
    }

    @Test
    void aStatusReportedTwiceIsOneStepAtItsFirstTime() {
        fulfil("f2", "F1", "success", "in_transit", "2026-11-03T18:00:00Z");
        fulfil("f1", "F1", "success", "in_transit", "2026-11-03T15:00:00Z");
        fulfil("f1", "F1", "success", "in_transit", "2026-11-03T15:00:00Z");

        assertThat(j.plan(shop, order.id()).stream().filter(s -> s.startsWith("IN_TRANSIT")))
                .containsExactly("IN_TRANSIT F1 PLANNED 2026-11-03T15:00:00Z");
    }

    @Test
    void eachFulfillmentHasItsOwnTrackingAndTheOrderOneReviewRequest() {
        fulfil("f1", "F1", "success", "delivered", "2026-11-04T18:00:00Z");
        fulfil("f2", "F2", "success", "delivered", "2026-11-06T18:00:00Z");

        assertThat(j.plan(shop, order.id()))
                .contains("DELIVERED F1 PLANNED 2026-11-04T18:00:00Z", "DELIVERED F2 PLANNED 2026-11-06T18:00:00Z")
                .containsOnlyOnce("REVIEW_REQUEST - PLANNED 2026-11-11T18:00:00Z");
    }

    @Test
    void aCancelledOrderCancelsItsPlannedSteps() {
        fulfil("f1", "F1", "success", null, "2026-11-02T15:00:00Z");

        j.loyalty.apply(order.cancelled());

        assertThat(j.plan(shop, order.id()))
                .allMatch(step -> step.contains(" CANCELLED ") && step.endsWith("(order cancelled)"))
                .hasSize(5);
    }

    @Test
    void aFullRefundCancelsThePlannedSteps() {
        j.loyalty.apply(order.refund("r1", "1", "50.00"));

        assertThat(j.plan(shop, order.id()))
                .containsExactly("ORDER_CONFIRMED - CANCELLED 2026-11-01T10:01:00Z (order refunded in full)");
    }

    @Test
    void anOrderPlacedBeforeTheInstallGetsNoMessages() {
        Orders imported =
                order(shop).placedAt(Instant.parse("2025-06-01T10:00:00Z")).line("1", "50.00");
        j.loyalty.apply(fulfillment(shop, "i1", imported.id(), "F1", "success", "delivered", "2025-06-03T15:00:00Z"));
        j.loyalty.apply(imported.paid(Instant.parse("2025-06-01T10:01:00Z")));

        assertThat(j.plan(shop, imported.id()))
                .isNotEmpty()
                .allMatch(step -> step.endsWith("(placed before the app was installed)"));
    }

    @Test
    void aPartialRefundKeepsThePlan() {
        j.loyalty.apply(order.refund("r1", "1", "20.00"));

        assertThat(j.plan(shop, order.id())).containsExactly("ORDER_CONFIRMED - PLANNED 2026-11-01T10:01:00Z");
    }

    @Test
    void aCancelledFulfillmentCancelsItsTrackingAndTheFeedbackItCalledFor() {
        fulfil("f1", "F1", "success", null, "2026-11-02T15:00:00Z");
        fulfil("f2", "F1", "cancelled", null, "2026-11-02T16:00:00Z");

        List<String> plan = j.plan(shop, order.id());

        assertThat(plan)
                .contains(
                        "SHIPPED F1 CANCELLED 2026-11-02T15:00:00Z (fulfillment cancelled)",
                        "REVIEW_REQUEST - CANCELLED 2026-11-16T15:00:00Z (fulfillment cancelled)")
                .contains("ORDER_CONFIRMED - PLANNED 2026-11-01T10:01:00Z");
    }

    @Test
    void aSentStepStaysSentWhenLaterFactsWouldCancelIt() {
        long orderId = j.orderId(shop, order.id());
        JourneyStep confirmation = j.journeys.timeline(shop, orderId).getFirst();
        j.journeys.markSent(shop, confirmation.stepId());

        j.loyalty.apply(order.cancelled());

        assertThat(j.journeys.timeline(shop, orderId).getFirst().status()).isEqualTo(StepStatus.SENT);
    }

    @Test
    void aBatchPlansTheSameAsEventsOneByOne() {
        Orders other = order(shop).line("1", "50.00");
        j.loyalty.applyAll(List.of(
                other.paid(Instant.parse("2026-11-01T10:01:00Z")),
                fulfillment(shop, "b1", other.id(), "F1", "success", null, "2026-11-02T15:00:00Z"),
                fulfillment(shop, "b2", other.id(), "F1", "success", "delivered", "2026-11-04T18:00:00Z")));
        fulfil("f1", "F1", "success", null, "2026-11-02T15:00:00Z");
        fulfil("f2", "F1", "success", "delivered", "2026-11-04T18:00:00Z");

        assertThat(j.plan(shop, other.id())).isEqualTo(j.plan(shop, order.id()));
    }
}
