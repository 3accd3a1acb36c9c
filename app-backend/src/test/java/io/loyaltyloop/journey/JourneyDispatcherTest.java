package io.loyaltyloop.journey;

import static io.loyaltyloop.db.Tables.SHOP_ORDER;
import static io.loyaltyloop.testing.Orders.order;
import static org.assertj.core.api.Assertions.assertThat;

import io.loyaltyloop.BackendTest;
import io.loyaltyloop.email.OutgoingEmail;
import io.loyaltyloop.lifecycle.FulfillmentUpdated;
import io.loyaltyloop.loyalty.LoyaltyService;
import io.loyaltyloop.loyalty.ManualAdjustment;
import io.loyaltyloop.review.ReviewInvite;
import io.loyaltyloop.shop.Shop;
import io.loyaltyloop.shop.ShopId;
import io.loyaltyloop.shop.ShopService;
import io.loyaltyloop.testing.MutableClock;
import io.loyaltyloop.testing.Orders;
import io.loyaltyloop.testing.Shops;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
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

    @Autowired
    ShopService shops;

    /** The engine's clock (the release job's); dispatching has its own. */
    @Autowired
    MutableClock engineClock;

    private final FakeJourneyPartners partners = new FakeJourneyPartners();
    private final MutableClock dispatchClock = new MutableClock(Instant.parse("2026-11-01T15:00:00Z"));
    private JourneyDispatcher dispatcher;
    private Shop shopRow;
    private ShopId shop;
    private Orders order;

    @BeforeEach
    void paidOrder() {
        dispatcher = new JourneyDispatcher(
                dsl, dispatchClock, journeys, partners, partners, partners, 1000, Duration.ofDays(3));
        shopRow = Shops.newShop(dsl);
        shop = shopRow.id();
        order = order(shop).line("1", "50.00");
        loyalty.apply(order.paid(Instant.parse("2026-11-01T14:01:00Z")));
    }

    @AfterEach
    void resetEngineClock() {
        engineClock.set(START);
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
    void aGuestOrderPlansNothingForWantOfARecipient() {
        order = order(shop).guest().line("1", "50.00");
        loyalty.apply(order.paid(Instant.parse("2026-11-01T14:01:00Z")));

        dispatchAt("2026-11-01T15:00:00Z");

        assertThat(statuses()).isEmpty();
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

    @Test
    void trackingNewsDueLongerAgoThanTheMaximumLatenessIsSkippedWhileFeedbackStillGoes() {
        delivered("2026-11-03T15:00:00Z");
        partners.invites.put(stepOrderId(), List.of(new ReviewInvite("product-1", "Item 1", "https://r/t1")));

        // a backlog dispatched a week late, e.g. after an outage
        dispatchAt("2026-11-10T15:01:00Z");

        assertThat(statuses())
                .contains(
                        "ORDER_CONFIRMED SKIPPED (too late: due 2026-11-01T14:01:00Z)",
                        "DELIVERED SKIPPED (too late: due 2026-11-03T15:00:00Z)",
                        "REVIEW_REQUEST SENT");
        assertThat(partners.to(shop)).extracting(OutgoingEmail::kind).containsExactly(StepKind.REVIEW_REQUEST);
    }

    @Test
    void aTrackingStepDueExactlyTheMaximumLatenessAgoStillGoes() {
        dispatchAt("2026-11-04T14:01:00Z");

        assertThat(statuses()).containsExactly("ORDER_CONFIRMED SENT");
    }

    @Test
    void theMerchantAlertGoesToTheShopsContactAddressWithoutUnsubscribeLink() {
        shops.updateContactEmail(shop, "ops@example.com", "merchant");

        stuckSinceNovemberSecond();

        assertThat(statuses()).contains("SHIPMENT_STUCK SENT", "SHIPMENT_STUCK_ALERT SENT");
        OutgoingEmail alert = partners.to(shop).stream()
                .filter(e -> e.kind() == StepKind.SHIPMENT_STUCK_ALERT)
                .findFirst()
                .orElseThrow();
        assertThat(alert.toAddress()).isEqualTo("ops@example.com");
        assertThat(alert.customerId()).isNull();
        assertThat(alert.variables())
                .containsEntry("days_without_movement", 5L)
                .containsKeys("customer", "tracking")
                .extractingByKey("order", org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsEntry("name", "#" + order.id());
    }

    @Test
    void withoutAContactAddressTheMerchantAlertIsSkippedAndTheCustomerStillTold() {
        stuckSinceNovemberSecond();

        assertThat(statuses())
                .contains("SHIPMENT_STUCK SENT", "SHIPMENT_STUCK_ALERT SKIPPED (no merchant address on file)");
    }

    /** In transit on 2 November, then silent; the watch runs on the 7th, the dispatcher right after. */
    private void stuckSinceNovemberSecond() {
        Instant moved = Instant.parse("2026-11-02T15:00:00Z");
        loyalty.apply(new FulfillmentUpdated(
                shop,
                order.id() + "/in-transit",
                moved,
                order.id(),
                "F1",
                "success",
                "in_transit",
                "UPS",
                "1Z999",
                "https://www.ups.com/track?tracknum=1Z999",
                moved));
        engineClock.set(Instant.parse("2026-11-07T16:00:00Z"));
        journeys.planStuckShipments(10_000);
        dispatchAt("2026-11-07T16:00:00Z");
    }

    @Test
    void releasedPointsAreToldWithTheBalanceAndTheStorefrontAccountPage() {
        releaseAt("2026-11-16T15:00:00Z");

        dispatchAt("2026-11-16T15:00:00Z");

        assertThat(statuses()).contains("POINTS_EARNED SENT");
        OutgoingEmail earned = partners.to(shop).getLast();
        assertThat(earned.kind()).isEqualTo(StepKind.POINTS_EARNED);
        assertThat(earned.variables())
                .containsEntry("account_url", "https://" + shopRow.platformShopKey() + "/account")
                .extractingByKey("points", org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsEntry("earned", 50L)
                .containsEntry("balance", 50L)
                .containsEntry("pending", false);
    }

    @Test
    void aRewardTheBalanceNewlyCoversIsAnnouncedByName() {
        loyalty.apply(order(shop)
                .customer(order.customerId())
                .line("1", "350.00")
                .paid(Instant.parse("2026-11-01T14:05:00Z")));
        releaseAt("2026-11-16T15:00:00Z");

        dispatchAt("2026-11-16T15:00:00Z");

        OutgoingEmail unlocked = partners.to(shop).stream()
                .filter(e -> e.kind() == StepKind.REWARD_UNLOCKED)
                .collect(java.util.stream.Collectors.collectingAndThen(
                        java.util.stream.Collectors.toList(), List::getFirst));
        assertThat(unlocked.variables())
                .containsEntry("reward", Map.of("name", "Free shipping", "points_cost", 300L))
                .containsEntry("account_url", "https://" + shopRow.platformShopKey() + "/account");
        assertThat(partners.to(shop))
                .filteredOn(e -> e.kind() == StepKind.REWARD_UNLOCKED)
                .hasSize(1);
    }

    @Test
    void aRewardNoLongerCoveredWhenDueIsSkipped() {
        loyalty.apply(order(shop)
                .customer(order.customerId())
                .line("1", "350.00")
                .paid(Instant.parse("2026-11-01T14:05:00Z")));
        releaseAt("2026-11-16T15:00:00Z");
        loyalty.adjust(new ManualAdjustment(shop, order.customerId(), -300, "redeemed in store", "merchant"));

        dispatchAt("2026-11-16T15:00:00Z");

        long customerId = loyalty.customerId(shop, order.customerId());
        assertThat(journeys.customerTimeline(shop, customerId))
                .extracting(JourneyStep::kind, JourneyStep::status, JourneyStep::reason)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(
                        StepKind.REWARD_UNLOCKED, StepStatus.SKIPPED, "balance no longer covers the reward"));
    }

    @Test
    void aSiteWithoutKnownStorefrontGetsAnEmptyAccountLink() {
        shop = shops.register(new io.loyaltyloop.shop.NewShop(
                        io.loyaltyloop.shop.Platform.BROADLEAF,
                        "site-" + java.util.UUID.randomUUID(),
                        "Broadleaf site",
                        "USD",
                        "America/New_York"))
                .id();
        order = order(shop).line("1", "50.00");
        loyalty.apply(order.paid(Instant.parse("2026-11-01T14:01:00Z")));
        releaseAt("2026-11-16T15:00:00Z");

        dispatchAt("2026-11-16T15:00:00Z");

        assertThat(partners.to(shop).getLast().variables()).containsEntry("account_url", "");
    }

    private void releaseAt(String at) {
        engineClock.set(Instant.parse(at));
        loyalty.releaseDuePoints(10_000);
    }
}
