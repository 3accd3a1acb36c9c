package io.loyaltyloop.broadleaf.events;

import static io.loyaltyloop.broadleaf.events.SiteEvents.batch;
import static io.loyaltyloop.broadleaf.events.SiteEvents.cancelled;
import static io.loyaltyloop.broadleaf.events.SiteEvents.event;
import static io.loyaltyloop.broadleaf.events.SiteEvents.order;
import static io.loyaltyloop.broadleaf.events.SiteEvents.refundOfFirstLine;
import static io.loyaltyloop.broadleaf.events.SiteEvents.shipment;
import static io.loyaltyloop.db.Tables.BROADLEAF_INBOX;
import static io.loyaltyloop.db.Tables.BROADLEAF_NONCE;
import static io.loyaltyloop.db.Tables.BROADLEAF_SITE;
import static org.assertj.core.api.Assertions.assertThat;

import io.loyaltyloop.BackendTest;
import io.loyaltyloop.admin.activity.DeliveryHealth;
import io.loyaltyloop.broadleaf.BroadleafFixtures;
import io.loyaltyloop.broadleaf.SiteClient;
import io.loyaltyloop.broadleaf.site.BroadleafSites;
import io.loyaltyloop.email.EmailSender;
import io.loyaltyloop.journey.JourneyDispatcher;
import io.loyaltyloop.loyalty.Balance;
import io.loyaltyloop.loyalty.LoyaltyService;
import io.loyaltyloop.privacy.PrivacyService;
import io.loyaltyloop.shop.ShopId;
import io.loyaltyloop.testing.MutableClock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A Broadleaf site's events through the signed edge and the inbox into the engine, the journey and
 * the outbox: points, once however often a batch comes; tracking emails at a real SMTP server;
 * reversals; parked events with their reason on the Activity screen; a shop's erasure.
 */
class SiteEventsFlowTest extends BackendTest {

    /** Drain rounds per settle: a guard against a loop that never ends, not a budget. */
    private static final int SETTLE_ROUNDS = 1_000;

    @Autowired
    BroadleafSites sites;

    @Autowired
    SiteInboxWorker worker;

    @Autowired
    LoyaltyService loyalty;

    @Autowired
    JourneyDispatcher dispatcher;

    @Autowired
    EmailSender sender;

    @Autowired
    DeliveryHealth health;

    @Autowired
    DSLContext dsl;

    @Autowired
    MutableClock clock;

    @LocalServerPort
    int port;

    private final String customer = "c" + UUID.randomUUID().toString().substring(0, 8);
    private final String buyer = customer + "@example.com";
    private final String orderId = UUID.randomUUID().toString().substring(0, 8);
    private ShopId shop;
    private SiteClient client;

    @BeforeEach
    void aSite() {
        clock.set(START);
        BroadleafSites.Registered site = BroadleafFixtures.register(sites, "https://shop.example.com");
        shop = site.site().shop().id();
        client = new SiteClient(port, site.site().siteId(), site.secret(), clock);
    }

    @AfterEach
    void resetClock() {
        clock.set(START);
    }

    @Test
    void aSubmittedOrderEarnsPointsOnceHoweverOftenItsBatchArrives() {
        String body = batch(event("order.submitted", order(orderId, customer, buyer)));

        post(body);
        post(body);
        settleAt("2026-11-02T16:00:00Z");
        post(body);
        settleAt("2026-11-02T16:05:00Z");

        Balance balance = loyalty.balance(shop, customer).orElseThrow();
        assertThat(balance.pending()).isEqualTo(100);
        assertThat(balance.available()).isZero();
        assertThat(inbox("DONE")).isOne();
    }

    @Test
    void shipmentUpdatesSendTheTrackingEmailsOnceEach() throws Exception {
        post(batch(event("order.submitted", order(orderId, customer, buyer))));
        settleAt("2026-11-02T16:00:00Z");

        post(batch(event("shipment.updated", shipment(orderId, "shipped", "2026-11-03T09:00:00Z"))));
        settleAt("2026-11-03T15:00:00Z");
        String delivered = event("shipment.updated", shipment(orderId, "delivered", "2026-11-05T13:00:00Z"));
        post(batch(delivered));
        post(batch(delivered));
        settleAt("2026-11-05T19:00:00Z");

        assertThat(subjects())
                .containsExactly(
                        "Order O-" + orderId + " confirmed",
                        "Your order O-" + orderId + " is on its way",
                        "Your order O-" + orderId + " has been delivered");
        assertThat(plainTextOf(receivedEmailsTo(buyer).get(1))).contains("1Z999AA1");
    }

    @Test
    void aRefundReversesTheRefundedLinesPointsAndACancellationTheRest() {
        post(batch(event("order.submitted", order(orderId, customer, buyer))));
        settleAt("2026-11-02T16:00:00Z");

        post(batch(event("order.refunded", refundOfFirstLine(orderId))));
        settleAt("2026-11-04T10:00:00Z");
        assertThat(loyalty.balance(shop, customer).orElseThrow().pending()).isEqualTo(60);

        post(batch(event("order.cancelled", cancelled(orderId))));
        settleAt("2026-11-04T11:00:00Z");
        assertThat(loyalty.balance(shop, customer).orElseThrow().pending()).isZero();
    }

    @Test
    void eventsInAnyOrderEndTheSame() {
        post(batch(event("order.refunded", refundOfFirstLine(orderId))));
        settleAt("2026-11-02T16:00:00Z");
        post(batch(event("order.submitted", order(orderId, customer, buyer))));
        settleAt("2026-11-02T16:05:00Z");

        assertThat(loyalty.balance(shop, customer).orElseThrow().pending()).isEqualTo(60);
    }

    @Test
    void dataThatDoesNotMapIsParkedWithItsReasonOnTheActivityScreenAndCanBeRetried() {
        String broken = event("order.submitted", order(orderId, customer, buyer).replace("\"39.98\"", "\"39.987\""));
        post(batch(broken));
        settleAt("2026-11-02T16:00:00Z");

        DeliveryHealth.Webhooks webhooks = health.webhooks(shop, 10);
        assertThat(webhooks.receivesWebhooks()).isTrue();
        assertThat(webhooks.parkedTotal()).isOne();
        assertThat(webhooks.parked().getFirst().topic()).isEqualTo("order.submitted");
        assertThat(webhooks.parked().getFirst().lastError()).contains("amount", "2 decimals");
        assertThat(loyalty.balance(shop, customer)).isEmpty();

        assertThat(health.retryAllParked(shop, "owner@example.com")).isOne();
        assertThat(health.webhooks(shop, 10).waiting()).isOne();
    }

    @Test
    void erasingTheShopErasesItsSiteInboxAndNonces() {
        post(batch(event("order.submitted", order(orderId, customer, buyer))));

        new PrivacyService(dsl, clock).eraseShop(shop);

        assertThat(dsl.fetchCount(BROADLEAF_INBOX, BROADLEAF_INBOX.SHOP_ID.eq(shop.value())))
                .isZero();
        assertThat(dsl.fetchCount(BROADLEAF_NONCE, BROADLEAF_NONCE.SHOP_ID.eq(shop.value())))
                .isZero();
        assertThat(dsl.fetchCount(BROADLEAF_SITE, BROADLEAF_SITE.SHOP_ID.eq(shop.value())))
                .isZero();
    }

    private void post(String body) {
        assertThat(client.postJson("/broadleaf/v1/events", body).statusCode()).isEqualTo(200);
    }

    /** What a running backend does over time, at {@code at}: drain the inbox, dispatch steps, send. */
    private void settleAt(String at) {
        clock.set(Instant.parse(at));
        for (int round = 0; round < SETTLE_ROUNDS && worker.drainOnce() > 0; round++) {}
        for (int round = 0; round < SETTLE_ROUNDS && dispatcher.dispatchDue() > 0; round++) {}
        for (int round = 0; round < SETTLE_ROUNDS && sender.sendDue(100) > 0; round++) {}
    }

    private int inbox(String status) {
        return dsl.fetchCount(
                BROADLEAF_INBOX, BROADLEAF_INBOX.SHOP_ID.eq(shop.value()).and(BROADLEAF_INBOX.STATUS.eq(status)));
    }

    private List<String> subjects() {
        return subjectsOf(receivedEmailsTo(buyer));
    }
}
