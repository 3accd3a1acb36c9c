package io.loyaltyloop.journey;

import static io.loyaltyloop.db.Tables.SHOP_ORDER;
import static io.loyaltyloop.testing.Orders.order;
import static org.assertj.core.api.Assertions.assertThat;

import io.loyaltyloop.BackendTest;
import io.loyaltyloop.email.OutgoingEmail;
import io.loyaltyloop.lifecycle.FulfillmentUpdated;
import io.loyaltyloop.loyalty.LoyaltyService;
import io.loyaltyloop.review.ReviewInvite;
import io.loyaltyloop.shop.ShopId;
import io.loyaltyloop.testing.MutableClock;
import io.loyaltyloop.testing.Orders;
import io.loyaltyloop.testing.Shops;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The dispatcher against the real database, with in-memory email, review and survey features. The
 * shop is in New York: 09:00–20:00 there is 14:00–01:00 UTC in November.
 */
class JourneyDispatcherTest extends BackendTest {

    @Autowired
    DSLContext dsl;

    @Autowired
    LoyaltyService loyalty;

    @Autowired
    JourneyService journeys;

    private final FakeJourneyPartners partners = new FakeJourneyPartners();
    private final MutableClock dispatchClock = new MutableClock(Instant.parse("2026-11-01T15:00:00Z"));
    private JourneyDispatcher dispatcher;
    private ShopId shop;
    private Orders order;

    @BeforeEach
    void paidOrder() {
        dispatcher = new JourneyDispatcher(dsl, dispatchClock, journeys, partners, partners, partners, 1000);
        shop = Shops.newShop(dsl).id();
        order = order(shop).line("1", "50.00");
        loyalty.apply(order.paid(Instant.parse("2026-11-01T14:01:00Z")));
    }

    /** A few dispatcher runs: other tests' due steps share the database and the batches. */
    private void dispatchAt(String time) {
        dispatchClock.set(Instant.parse(time));
        for (int run = 0; run < 3; run++) {
            dispatcher.dispatchDue();
        }
    }

    private long stepOrderId() {
        return dsl.select(SHOP_ORDER.ORDER_ID)
                .from(SHOP_ORDER)
                .where(SHOP_ORDER.SHOP_ID.eq(shop.value()))
                .and(SHOP_ORDER.EXTERNAL_ID.eq(order.id()))
                .fetchSingle()
                .value1();
    }

    private List<String> statuses() {
        return journeys.timeline(shop, stepOrderId()).stream()
                .map(s -> s.kind() + " " + s.status() + (s.reason() == null ? "" : " (" + s.reason() + ")"))
                .toList();
    }

    private void delivered(String at) {
        Instant time = Instant.parse(at);
        loyalty.apply(new FulfillmentUpdated(
                shop,
                order.id() + "/delivered",
                time,
                order.id(),
                "F1",
                "success",
                "delivered",
                "UPS",
                "1Z999",
                "https://www.ups.com/track?tracknum=1Z999",
                time));
    }

    @Test
    void theOrderConfirmationIsEnqueuedOnceWithItsKeyAndPendingPoints() {
        dispatchAt("2026-11-01T15:00:00Z");
        dispatchAt("2026-11-01T15:05:00Z");

        assertThat(partners.to(shop)).hasSize(1);
        OutgoingEmail email = partners.to(shop).getFirst();
        assertThat(email.idempotencyKey()).isEqualTo("order:" + stepOrderId() + ":ORDER_CONFIRMED");
        assertThat(email.toAddress()).isEqualTo(order.customerId() + "@example.com");
        assertThat(email.variables())
                .containsKey("shop")
                .extractingByKey("points", org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsEntry("earned", 50L)
                .containsEntry("pending", true);
        assertThat(email.variables())
                .extractingByKey("order", org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsEntry("name", "#" + order.id());
        assertThat(statuses()).containsExactly("ORDER_CONFIRMED SENT");
    }

    @Test
    void aDeliveryIsToldWithTrackingAndTheReviewRequestListsTheInvites() {
        delivered("2026-11-03T15:00:00Z");
        partners.invites.put(
                stepOrderId(), List.of(new ReviewInvite("product-1", "Item 1", "https://loyalty.example/r/t1")));

        dispatchAt("2026-11-03T15:01:00Z");
        dispatchAt("2026-11-10T15:01:00Z");

        List<OutgoingEmail> emails = partners.to(shop);
        assertThat(emails)
                .extracting(OutgoingEmail::kind)
                .containsExactly(StepKind.ORDER_CONFIRMED, StepKind.DELIVERED, StepKind.REVIEW_REQUEST);
        assertThat(emails.get(1).variables())
                .containsEntry(
                        "tracking",
                        Map.of("company", "UPS", "number", "1Z999", "url", "https://www.ups.com/track?tracknum=1Z999"));
        assertThat(emails.get(2).variables())
                .containsEntry(
                        "items",
                        List.of(Map.of(
                                "product_id",
                                "product-1",
                                "title",
                                "Item 1",
                                "review_url",
                                "https://loyalty.example/r/t1")));
    }

    @Test
    void theReminderIsSkippedOnceAReviewWasSubmittedAndTheSurveyCarriesItsScoreLinks() {
        delivered("2026-11-03T15:00:00Z");
        partners.invites.put(stepOrderId(), List.of(new ReviewInvite("product-1", "Item 1", "https://r/t1")));
        dispatchAt("2026-11-10T15:01:00Z");
        partners.reviewed.add(stepOrderId());

        dispatchAt("2026-11-14T15:01:00Z");

        assertThat(statuses())
                .contains("REVIEW_REQUEST SENT", "REVIEW_REMINDER SKIPPED (review submitted)", "SURVEY SENT");
        OutgoingEmail survey = partners.to(shop).getLast();
        @SuppressWarnings("unchecked")
        Map<String, Object> links = (Map<String, Object>) survey.variables().get("survey");
        assertThat(links).containsEntry("type", "NPS");
        assertThat((List<?>) links.get("choices")).hasSize(11);
    }

    @Test
    void withNothingToReviewTheRequestAndItsReminderAreSkipped() {
        delivered("2026-11-03T15:00:00Z");

        dispatchAt("2026-11-14T15:01:00Z");

        assertThat(statuses())
                .contains(
                        "REVIEW_REQUEST SKIPPED (nothing left to review)",
                        "REVIEW_REMINDER SKIPPED (review request was not sent)");
    }

    @Test
    void aGuestOrderIsSkippedForWantOfAnAddress() {
        order = order(shop).guest().line("1", "50.00");
        loyalty.apply(order.paid(Instant.parse("2026-11-01T14:01:00Z")));

        dispatchAt("2026-11-01T15:00:00Z");

        assertThat(statuses()).containsExactly("ORDER_CONFIRMED SKIPPED (customer without email)");
    }

    @Test
    void aFeedbackStepFoundDueAtNightWaitsForTheMorning() {
        delivered("2026-11-03T15:00:00Z");
        partners.invites.put(stepOrderId(), List.of(new ReviewInvite("product-1", "Item 1", "https://r/t1")));

        dispatchAt("2026-11-11T02:00:00Z"); // 21:00 in New York

        JourneyStep request = journeys.timeline(shop, stepOrderId()).stream()
                .filter(s -> s.kind() == StepKind.REVIEW_REQUEST)
                .findFirst()
                .orElseThrow();
        assertThat(request.status()).isEqualTo(StepStatus.PLANNED);
        assertThat(request.dueAt()).isEqualTo(Instant.parse("2026-11-11T14:00:00Z"));
    }

    @Test
    void aMessageTheOutboxRefusesIsSkipped() {
        partners.refusedAddresses.add(order.customerId() + "@example.com");

        dispatchAt("2026-11-01T15:00:00Z");

        assertThat(statuses())
                .containsExactly("ORDER_CONFIRMED SKIPPED (outbox refused: unsubscribed or enqueued before)");
    }
}
