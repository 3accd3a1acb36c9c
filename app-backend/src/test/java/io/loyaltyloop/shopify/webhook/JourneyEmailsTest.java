package io.loyaltyloop.shopify.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import io.loyaltyloop.BackendTest;
import io.loyaltyloop.email.EmailSender;
import io.loyaltyloop.journey.JourneyDispatcher;
import io.loyaltyloop.journey.JourneyService;
import io.loyaltyloop.shop.NewShop;
import io.loyaltyloop.shop.Platform;
import io.loyaltyloop.shopify.webhook.WebhookEdgeTest.Delivery;
import io.loyaltyloop.testing.MutableClock;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The post-purchase journey end to end: Shopify's real order and fulfillment payloads, signed,
 * through the HTTP edge and the inbox into the engine; the journey's steps dispatched into the
 * outbox; the outbox sent to a real SMTP server. What arrives is asserted exactly — including that
 * replays, late statuses and a dispatcher that died holding a step send nothing twice.
 */
class JourneyEmailsTest extends BackendTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Drain rounds per settle: a guard against a loop that never ends, not a budget. */
    private static final int SETTLE_ROUNDS = 1_000;

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Autowired
    InboxWorker worker;

    @Autowired
    io.loyaltyloop.shop.ShopService shops;

    @Autowired
    JourneyDispatcher dispatcher;

    @Autowired
    JourneyService journeys;

    @Autowired
    EmailSender sender;

    @Autowired
    io.loyaltyloop.loyalty.LoyaltyService loyalty;

    @Autowired
    MutableClock clock;

    @LocalServerPort
    int port;

    private final String domain = "journey-" + UUID.randomUUID().toString().substring(0, 8) + ".myshopify.com";
    private final String buyer = "buyer-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    private final String owner = "owner-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";

    @BeforeEach
    void installedShop() {
        clock.set(START);
        shops.register(new NewShop(Platform.SHOPIFY, domain, "Journey Goods", "USD", "America/New_York"));
    }

    @AfterEach
    void resetClock() {
        clock.set(START);
    }

    @Test
    void sendsEachTrackingEmailOnceInOrderAndTheReviewRequestAfterDelivery() throws Exception {
        // given the order, paid the day after the install (Shopify's example, dated into this month)
        paidByBuyer();
        settleAt("2026-11-02T16:00:00Z");
        assertThat(subjects()).containsExactly("Order #9999 confirmed");

        // when the parcel ships with tracking
        deliver("fulfillments/create", f -> f.put("status", "success").put("updated_at", "2026-11-03T09:00:00-05:00"));
        settleAt("2026-11-03T15:00:00Z");
        // and the carrier reports it in transit, a webhook Shopify then delivers twice more
        Delivery inTransit =
                signed("fulfillment_events/create", e -> e.put("happened_at", "2026-11-04T08:00:00-05:00"));
        post(inTransit);
        post(inTransit);
        deliver("fulfillment_events/create", e -> e.put("happened_at", "2026-11-04T08:00:00-05:00"));
        settleAt("2026-11-04T14:00:00Z");
        // and delivered, with "out for delivery" arriving only after it
        deliver(
                "fulfillment_events/create",
                e -> e.put("id", 1234568).put("status", "delivered").put("happened_at", "2026-11-05T13:00:00-05:00"));
        deliver(
                "fulfillment_events/create",
                e -> e.put("id", 1234569)
                        .put("status", "out_for_delivery")
                        .put("happened_at", "2026-11-05T08:00:00-05:00"));
        settleAt("2026-11-05T19:00:00Z");

        // then each status once, in order, and nothing for the stale one
        assertThat(subjects())
                .containsExactly(
                        "Order #9999 confirmed",
                        "Your order #9999 is on its way",
                        "Your order #9999 is in transit",
                        "Your order #9999 has been delivered");
        MimeMessage shipped = received().get(1);
        assertThat(plainTextOf(shipped)).contains("1z827wk74630");
        assertThat(shipped.getHeader("List-Unsubscribe-Post")).containsExactly("List-Unsubscribe=One-Click");

        // when a dispatcher takes the due review request and dies before finishing it
        clock.set(Instant.parse("2026-11-12T18:30:00Z"));
        assertThat(journeys.leaseDue(clock.instant(), 1_000)).isNotEmpty();
        // then another takes it over once the lease ran out, and it is sent once
        settleAt("2026-11-12T18:40:00Z");
        settleAt("2026-11-12T18:50:00Z");
        assertThat(subjects()).hasSize(5).last().isEqualTo("How do you like your order #9999?");

        // and its links open the review form
        Matcher link = Pattern.compile(Pattern.quote(LINKS_BASE_URL) + "/r/[A-Za-z0-9_.-]+")
                .matcher(plainTextOf(received().get(4)));
        assertThat(link.find()).as(plainTextOf(received().get(4))).isTrue();
        // The link is on the configured public URL; the same path on this test's port.
        URI local = URI.create(link.group().replace(LINKS_BASE_URL, "http://localhost:" + port));
        HttpResponse<String> form =
                HTTP.send(HttpRequest.newBuilder(local).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("Aviator sunglasses");
    }

    @Test
    void aCancelledOrderGetsNoFeedbackEmails() throws Exception {
        paidByBuyer();
        deliver("fulfillments/create", f -> f.put("status", "success").put("updated_at", "2026-11-03T09:00:00-05:00"));
        deliver("orders/cancelled", order -> order.put("cancelled_at", "2026-11-03T12:00:00-05:00"));

        settleAt("2026-11-30T15:00:00Z");

        assertThat(subjects()).noneMatch(s -> s.startsWith("How do you like") || s.startsWith("A quick question"));
    }

    @Test
    void aStuckParcelTellsTheBuyerAndAlertsTheMerchantAtTheShopsAddress() throws Exception {
        // given a shop with its owner's address on file, and a parcel that shipped and went silent
        shops.updateContactEmail(
                shops.findShop(Platform.SHOPIFY, domain).orElseThrow().id(), owner, "merchant");
        paidByBuyer();
        deliver("fulfillments/create", f -> f.put("status", "success").put("updated_at", "2026-11-03T09:00:00-05:00"));
        settleAt("2026-11-03T15:00:00Z");

        // when the watch runs six days later
        clock.set(Instant.parse("2026-11-09T15:00:00Z"));
        journeys.planStuckShipments(10_000);
        settleAt("2026-11-09T15:00:00Z");

        // then the buyer gets the notice and the merchant the alert, without an unsubscribe link
        assertThat(subjects()).last().isEqualTo("An update on your order #9999");
        List<MimeMessage> alerts = receivedEmailsTo(owner);
        assertThat(alerts).hasSize(1);
        assertThat(alerts.getFirst().getSubject()).isEqualTo("Stuck shipment: order #9999");
        assertThat(alerts.getFirst().getHeader("List-Unsubscribe")).isNull();
        assertThat(plainTextOf(alerts.getFirst()))
                .contains("for John Smith", "no tracking movement for 6 days", "1z827wk74630")
                .doesNotContain("Unsubscribe");
    }

    @Test
    void aBacklogDispatchedDaysLateSendsNoStaleTrackingNewsButStillTheReviewRequest() throws Exception {
        // given an order's whole delivery, taken in while the dispatcher was down
        paidByBuyer();
        deliver("fulfillments/create", f -> f.put("status", "success").put("updated_at", "2026-11-03T09:00:00-05:00"));
        deliver(
                "fulfillment_events/create",
                e -> e.put("id", 1234568).put("status", "delivered").put("happened_at", "2026-11-05T13:00:00-05:00"));
        for (int round = 0; round < 20 && worker.drainOnce() > 0; round++) {}

        // when it comes back on the 8th
        settleAt("2026-11-08T15:00:00Z");

        // then the tracking news over 3 days old is not sent (confirmation, shipped), the delivery is...
        assertThat(subjects()).containsExactly("Your order #9999 has been delivered");
        // ...and the review request still goes when due
        settleAt("2026-11-12T18:30:00Z");
        assertThat(subjects()).last().isEqualTo("How do you like your order #9999?");
    }

    @Test
    void afterTheReturnWindowTheBuyerIsToldThePointsAndTheRewardTheyUnlocked() throws Exception {
        paidByBuyer();
        settleAt("2026-11-02T16:00:00Z");

        // when the release job runs after the 14-day return window
        clock.set(Instant.parse("2026-11-17T15:00:00Z"));
        loyalty.releaseDuePoints(10_000);
        settleAt("2026-11-17T15:00:00Z");

        // then (the order earned about 400 points: past the 300 of Free shipping, short of 5 off's 500)
        assertThat(subjects()).hasSize(3);
        assertThat(subjects().get(1)).matches("You earned \\d+ points");
        assertThat(subjects().get(2)).isEqualTo("You can now redeem Free shipping");
        assertThat(plainTextOf(received().get(1)))
                .contains("with order #9999", "https://" + domain + "/account", "Unsubscribe");
        assertThat(plainTextOf(received().get(2))).contains("https://" + domain + "/account");
    }

    /** Shopify's example order, paid by this test's buyer the day after the install. */
    private void paidByBuyer() throws Exception {
        deliver("orders/paid", order -> {
            order.put("created_at", "2026-11-02T10:00:00-05:00");
            order.put("processed_at", "2026-11-02T10:00:00-05:00");
            order.put("updated_at", "2026-11-02T10:00:00-05:00");
            order.put("email", buyer);
            ((ObjectNode) order.get("customer")).put("email", buyer);
        });
    }

    /**
     * What a running backend does over time, at {@code at}: drain webhooks, dispatch steps, send. The database is shared with the whole
     * suite, so moving the clock makes other tests' steps due too: drain until nothing is left,
     * bounded only as a guard against a loop that never ends.
     */
    private void settleAt(String at) {
        clock.set(Instant.parse(at));
        for (int round = 0; round < SETTLE_ROUNDS && worker.drainOnce() > 0; round++) {}
        for (int round = 0; round < SETTLE_ROUNDS && dispatcher.dispatchDue() > 0; round++) {}
        for (int round = 0; round < SETTLE_ROUNDS && sender.sendDue(100) > 0; round++) {}
    }

    private void deliver(String topic, Consumer<ObjectNode> edit) throws Exception {
        post(signed(topic, edit));
    }

    private Delivery signed(String topic, Consumer<ObjectNode> edit) {
        ObjectNode body = (ObjectNode) JSON.readTree(WebhookEdgeTest.fixture(topic));
        edit.accept(body);
        return Delivery.of(domain, topic, JSON.writeValueAsString(body));
    }

    private void post(Delivery delivery) throws Exception {
        HttpRequest request = delivery.request(URI.create("http://localhost:" + port + "/webhooks"))
                .POST(HttpRequest.BodyPublishers.ofString(delivery.body()))
                .timeout(Duration.ofSeconds(10))
                .build();
        assertThat(HTTP.send(request, HttpResponse.BodyHandlers.ofString()).statusCode())
                .isEqualTo(200);
    }

    private List<MimeMessage> received() {
        return receivedEmailsTo(buyer);
    }

    private List<String> subjects() {
        return subjectsOf(received());
    }
}
