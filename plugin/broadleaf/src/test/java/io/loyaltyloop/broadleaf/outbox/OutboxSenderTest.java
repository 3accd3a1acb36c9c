package io.loyaltyloop.broadleaf.outbox;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.loyaltyloop.broadleaf.LoyaltyLoopSettings;
import io.loyaltyloop.broadleaf.testing.Backend;
import io.loyaltyloop.broadleaf.testing.BroadleafSite;
import io.loyaltyloop.broadleaf.testing.Checkouts;
import io.loyaltyloop.broadleaf.testing.Checkouts.Line;
import io.loyaltyloop.broadleaf.testing.MutableClock;
import io.loyaltyloop.broadleaf.wire.BackendClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.broadleafcommerce.core.order.domain.Order;
import org.broadleafcommerce.core.order.service.OrderService;
import org.broadleafcommerce.core.order.service.type.OrderStatus;
import org.codehaus.jackson.JsonNode;
import org.codehaus.jackson.map.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

class OutboxSenderTest {

    private static final String EVENTS = "/broadleaf/v1/events";

    private final LoyaltyOutbox outbox = BroadleafSite.bean("loyaltyLoopOutbox", LoyaltyOutbox.class);
    private final OutboxSender sender = BroadleafSite.bean("loyaltyLoopOutboxSender", OutboxSender.class);
    private final LoyaltyLoopSettings settings = BroadleafSite.bean("loyaltyLoopSettings", LoyaltyLoopSettings.class);
    private final JdbcTemplate jdbc = BroadleafSite.jdbc();
    private final MutableClock clock = MutableClock.startingNow();
    private Backend backend;

    @BeforeEach
    void emptyOutboxAndBackend() {
        // The outbox is one queue per site: each test starts from an empty one.
        jdbc.update("delete from loyalty_outbox");
        jdbc.update("delete from loyalty_outbox_attempt");
        outbox.setClock(clock);
        backend = Backend.start();
    }

    @AfterEach
    void restore() {
        outbox.setClock(Clock.systemUTC());
        backend.close();
    }

    @Test
    void deliversACheckoutSignedAndMarksItSent() throws Exception {
        // given
        backend.server.stubFor(post(EVENTS).willReturn(okJson()));
        Order order = checkout();

        // when
        int done = sender.sendDue();

        // then
        assertThat(done).isEqualTo(1);
        List<LoggedRequest> requests = backend.server.findAll(postRequestedFor(urlEqualTo(EVENTS)));
        assertThat(requests).hasSize(1);
        assertThat(Backend.signedBySite(requests.get(0))).isTrue();
        JsonNode event = new ObjectMapper()
                .readTree(requests.get(0).getBodyAsString())
                .get("events")
                .get(0);
        OutboxRow row = onlyRow();
        assertThat(event.get("id").getTextValue()).isEqualTo(row.eventId());
        assertThat(event.get("sequence").getLongValue()).isEqualTo(row.sequence());
        assertThat(event.get("type").getTextValue()).isEqualTo("order.submitted");
        assertThat(event.get("data").get("order").get("id").getTextValue()).isEqualTo(String.valueOf(order.getId()));
        assertThat(row.status()).isEqualTo(OutboxStatus.SENT);
        assertThat(jdbc.queryForList("select http_status, event_count from loyalty_outbox_attempt"))
                .extracting(m -> m.get("HTTP_STATUS"))
                .containsExactly(200);
    }

    @Test
    void withTheBackendDownCheckoutSucceedsAndTheEventGoesOutOnceTheBackendIsBack() throws Exception {
        // given the backend answers 503
        backend.server.stubFor(post(EVENTS).willReturn(aResponse().withStatus(503)));

        // when a customer checks out and the sender tries
        Order order = checkout();
        sender.sendDue();

        // then the checkout went through and the event waits, with the failure in the attempt log
        assertThat(order.getStatus()).isEqualTo(OrderStatus.SUBMITTED);
        OutboxRow waiting = onlyRow();
        assertThat(waiting.status()).isEqualTo(OutboxStatus.PENDING);
        assertThat(waiting.attempts()).isEqualTo(1);
        assertThat(waiting.lastError()).contains("503");
        assertThat(sender.sendDue()).as("not due again before its backoff").isZero();
        assertThat(backend.server.findAll(postRequestedFor(urlEqualTo(EVENTS)))).hasSize(1);

        // when the backend is back and the backoff has passed
        backend.server.resetAll();
        backend.server.stubFor(post(EVENTS).willReturn(okJson()));
        clock.advance(Duration.ofHours(1));
        sender.sendDue();

        // then it is delivered exactly once
        assertThat(onlyRow().status()).isEqualTo(OutboxStatus.SENT);
        assertThat(backend.server.findAll(postRequestedFor(urlEqualTo(EVENTS)))).hasSize(1);
    }

    @Test
    void connectionFailuresAreRetriedWithGrowingBackoffAndNeverDropped() throws Exception {
        // given no backend at all
        backend.close();
        outbox.enqueue(EventTypes.ORDER_CANCELLED, null, "1", new Date(clock.millis()), "{\"orderId\":\"1\"}");

        // when the sender tries over several hours
        Date previousDue = new Date(0);
        for (int attempt = 1; attempt <= 15; attempt++) {
            sender.sendDue();
            Date due = jdbc.queryForObject("select next_attempt_at from loyalty_outbox", Date.class);
            assertThat(due).isAfter(previousDue);
            assertThat(due.getTime() - clock.millis()).isLessThanOrEqualTo(Backoff.MAX_MILLIS);
            previousDue = due;
            clock.advance(Duration.ofHours(1));
        }

        // then the row is still there, pending
        assertThat(onlyRow().status()).isEqualTo(OutboxStatus.PENDING);
        assertThat(onlyRow().attempts()).isEqualTo(15);
        assertThat(onlyRow().lastError()).contains("ConnectException");
    }

    @Test
    void aBatchRefusedWith400IsResentOneByOneAndOnlyTheBadEventIsRejected() {
        // given two events, one of which the backend refuses
        Date now = new Date(clock.millis());
        String bad = outbox.enqueue(EventTypes.ORDER_CANCELLED, null, "1", now, "{\"orderId\":\"1\"}");
        String good = outbox.enqueue(EventTypes.ORDER_CANCELLED, null, "2", now, "{\"orderId\":\"2\"}");
        backend.server.stubFor(post(EVENTS)
                .atPriority(1)
                .withRequestBody(containing(bad))
                .willReturn(aResponse()
                        .withStatus(400)
                        .withHeader("Content-Type", "application/problem+json")
                        .withBody("{\"code\":\"bad-batch\",\"detail\":\"cancelledAt missing\",\"eventIndex\":0}")));
        backend.server.stubFor(post(EVENTS).atPriority(2).willReturn(okJson()));

        // when
        sender.sendDue();

        // then the batch, then each event alone
        assertThat(backend.server.findAll(postRequestedFor(urlEqualTo(EVENTS)))).hasSize(3);
        Map<String, OutboxRow> rows = rowsById();
        assertThat(rows.get(bad).status()).isEqualTo(OutboxStatus.REJECTED);
        assertThat(rows.get(bad).lastError()).contains("cancelledAt missing");
        assertThat(rows.get(good).status()).isEqualTo(OutboxStatus.SENT);
    }

    @Test
    void aRestartedSenderOverTheSameDatabaseCarriesOn() throws Exception {
        // given an event that failed before the site went down
        backend.server.stubFor(post(EVENTS).willReturn(aResponse().withStatus(500)));
        checkout();
        sender.sendDue();
        backend.server.resetAll();
        backend.server.stubFor(post(EVENTS).willReturn(okJson()));
        clock.advance(Duration.ofHours(1));

        // when a new sender (a restarted site, or another node) runs on its own thread
        OutboxSender restarted = new OutboxSender(outbox, new BackendClient(settings), settings);
        restarted.setPollMillis(50);
        restarted.start();
        try {
            // then it delivers the row
            await().atMost(Duration.ofSeconds(20))
                    .untilAsserted(() -> assertThat(onlyRow().status()).isEqualTo(OutboxStatus.SENT));
        } finally {
            restarted.stop();
        }
        assertThat(restarted.isRunning()).isFalse();
    }

    @Test
    void anOrderSubmittedWhoseOrderIsStillACartWaitsAndIsRejectedAfterADay() throws Exception {
        // given a row for an order whose checkout never completed
        backend.server.stubFor(post(EVENTS).willReturn(okJson()));
        var customer = Checkouts.newCustomer();
        long cartId = BroadleafSite.inRequest(() -> BroadleafSite.bean("blOrderService", OrderService.class)
                .createNewCartForCustomer(customer)
                .getId());
        outbox.enqueue(
                EventTypes.ORDER_SUBMITTED,
                "order.submitted:" + cartId,
                String.valueOf(cartId),
                new Date(clock.millis()),
                "{\"order\":{\"id\":\"" + cartId + "\"}}");

        // when the sender runs
        sender.sendDue();

        // then nothing is sent yet
        assertThat(onlyRow().status()).isEqualTo(OutboxStatus.PENDING);
        assertThat(onlyRow().lastError()).contains("waiting for order " + cartId);
        assertThat(backend.server.findAll(postRequestedFor(urlEqualTo(EVENTS)))).isEmpty();

        // when a day has passed
        clock.advance(Duration.ofHours(25));
        sender.sendDue();

        // then
        assertThat(onlyRow().status()).isEqualTo(OutboxStatus.REJECTED);
        assertThat(onlyRow().lastError()).contains("never submitted");
        assertThat(backend.server.findAll(postRequestedFor(urlEqualTo(EVENTS)))).isEmpty();
    }

    @Test
    void twoNodesNeverClaimTheSameRow() {
        // given
        Date now = new Date(clock.millis());
        outbox.enqueue(EventTypes.ORDER_CANCELLED, null, "1", now, "{\"orderId\":\"1\"}");
        OutboxStore otherNode = new OutboxStore(jdbc.getDataSource());
        Date lease = new Date(now.getTime() + 60_000);

        // when both claim at the same moment
        List<OutboxRow> first = outbox.store().claimDue(now, lease, 100);
        List<OutboxRow> second = otherNode.claimDue(now, lease, 100);

        // then only one wins; after the lease the row is due again
        assertThat(first).hasSize(1);
        assertThat(second).isEmpty();
        assertThat(otherNode.claimDue(new Date(lease.getTime() + 1), new Date(lease.getTime() + 60_000), 100))
                .hasSize(1);
    }

    private Order checkout() throws Exception {
        return Checkouts.checkout(Checkouts.newCustomer(), List.of(new Line("Hot Sauce", "9.99", 1)), null);
    }

    private OutboxRow onlyRow() {
        List<OutboxRow> rows = outbox.rows();
        assertThat(rows).hasSize(1);
        return rows.get(0);
    }

    private Map<String, OutboxRow> rowsById() {
        return outbox.rows().stream().collect(java.util.stream.Collectors.toMap(OutboxRow::eventId, r -> r));
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder okJson() {
        return aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"accepted\":1,\"duplicates\":0}");
    }
}
