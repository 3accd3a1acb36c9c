package io.loyaltyloop.broadleaf.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.loyaltyloop.broadleaf.LoyaltyLoopSettings;
import io.loyaltyloop.broadleaf.oms.LoyaltyLoopEvents;
import io.loyaltyloop.broadleaf.oms.RefundLine;
import io.loyaltyloop.broadleaf.oms.ShipmentStatus;
import io.loyaltyloop.broadleaf.outbox.OutboxSender;
import io.loyaltyloop.broadleaf.testing.Backend;
import io.loyaltyloop.broadleaf.testing.BroadleafSite;
import io.loyaltyloop.broadleaf.testing.Checkouts;
import io.loyaltyloop.broadleaf.testing.Checkouts.Line;
import io.loyaltyloop.testing.process.BackendProcess;
import jakarta.mail.internet.MimeMessage;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.broadleafcommerce.core.order.domain.Order;
import org.broadleafcommerce.core.order.service.type.OrderStatus;
import org.broadleafcommerce.profile.core.domain.Customer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The end-to-end run: Broadleaf's real service context with the module merged, real
 * checkouts, and the real backend as a separate process on its own PostgreSQL, with GreenMail as
 * its SMTP server. The backend is down during the first checkout; the checkout succeeds and its
 * points arrive once the backend is up. Shipments drive the tracking email, a refund reverses the
 * points, and the backend refuses forged and replayed signatures.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RealBackendEndToEndTest {

    private static final String SITE = "e2e-site";
    private static final String SECRET = randomBase64Url(32);
    /** The backend's key for secrets at rest: the same across its restarts, as in production. */
    private static final String SECRET_KEY = randomBase64(32);

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private static final LoyaltyLoopSettings settings =
            BroadleafSite.bean("loyaltyLoopSettings", LoyaltyLoopSettings.class);
    private static final OutboxSender sender = BroadleafSite.bean("loyaltyLoopOutboxSender", OutboxSender.class);
    private static final LoyaltyLoopEvents events = BroadleafSite.bean("loyaltyLoopEvents", LoyaltyLoopEvents.class);
    private static final JdbcTemplate site = BroadleafSite.jdbc();

    private static GreenMail smtp;
    private static BackendProcess backend;
    private static String siteIdBefore;
    private static String secretBefore;
    private static String backendUrlBefore;

    @TempDir
    static Path work;

    @BeforeAll
    static void aSiteWhoseBackendIsDown() throws Exception {
        siteIdBefore = settings.getSiteId();
        secretBefore = settings.getSiteSecret();
        backendUrlBefore = settings.getBackendUrl();
        smtp = new GreenMail(new ServerSetup(BackendProcess.freePort(), "127.0.0.1", "smtp"));
        smtp.start();
        site.update("delete from loyalty_outbox");
        site.update("delete from loyalty_outbox_attempt");
        settings.setSiteId(SITE);
        settings.setSiteSecret(SECRET);
        settings.setBackendUrl("http://localhost:" + BackendProcess.freePort());
    }

    @AfterAll
    static void restore() throws Exception {
        if (backend != null) {
            backend.close();
        }
        smtp.stop();
        settings.setSiteId(siteIdBefore);
        settings.setSiteSecret(secretBefore);
        settings.setBackendUrl(backendUrlBefore);
        site.update("delete from loyalty_outbox");
    }

    @Test
    @org.junit.jupiter.api.Order(1) // the backend is stopped and restarted in the middle of it
    void checkoutsShipmentsAndRefundsReachTheRealBackendAndNothingIsLostWhileItIsDown() throws Exception {
        // given the site is registered with a running backend, which then goes down
        backend = startBackend();
        backend.close();

        // when a customer checks out: the checkout succeeds, its event waits in the site's outbox
        Customer ada = Checkouts.newCustomer();
        Order first = Checkouts.checkout(ada, List.of(new Line("Hot Sauce", "12.50", 2)), null);
        assertThat(first.getStatus()).isEqualTo(OrderStatus.SUBMITTED);
        sender.sendDue();
        assertThat(pendingRows()).isEqualTo(1);

        // when the backend is back (same database) and a second checkout follows
        backend = startBackend();
        Order second = Checkouts.checkout(ada, List.of(new Line("Salsa", "40.00", 1)), null);
        deliverEverything();

        // then both orders earned in the backend's ledger (1 point per unit: 25 + 40)
        String customer = String.valueOf(ada.getId());
        await().atMost(PATIENCE)
                .untilAsserted(() -> assertThat(points(customer)).isEqualTo(65));

        // when the OMS reports the first order shipped
        events.shipmentUpdated(
                first.getId(),
                "ship-1",
                ShipmentStatus.IN_TRANSIT,
                "UPS",
                "1Z999AA10123456784",
                "https://www.ups.com/track?tracknum=1Z999AA10123456784");
        deliverEverything();

        // then the customer gets the tracking email with the tracking number
        await().atMost(PATIENCE)
                .untilAsserted(() -> assertThat(messagesTo(ada.getEmailAddress()))
                        .anySatisfy(body -> assertThat(body).contains("1Z999AA10123456784")));

        // when the second order is refunded in full
        long item = second.getOrderItems().get(0).getId();
        events.orderRefunded(second.getId(), "refund-1", List.of(new RefundLine(item, 1, new BigDecimal("40.00"))));
        deliverEverything();

        // then its points are reversed
        await().atMost(PATIENCE)
                .untilAsserted(() -> assertThat(points(customer)).isEqualTo(25));
        assertThat(pendingRows()).isZero();
    }

    @Test
    @org.junit.jupiter.api.Order(2)
    void theBackendRefusesForgedAndReplayedDeliveries() throws Exception {
        if (backend == null) {
            backend = startBackend();
        }
        String id = "e2e-" + UUID.randomUUID();
        String body = """
            {"events": [{"id": "%s", "sequence": 1, "type": "customer.upserted",
              "occurredAt": "2026-11-23T10:00:00Z", "data": {"customer": {"id": "%s"}}}]}\
            """.formatted(id, id);
        String timestamp = String.valueOf(System.currentTimeMillis() / 1000);
        String nonce = randomBase64Url(16);

        HttpResponse<String> forged = postEvents(body, timestamp, nonce, "v1=" + "0".repeat(64));
        String signature = Backend.signature(
                SECRET, SITE, timestamp, nonce, "POST", "/broadleaf/v1/events", body.getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> first = postEvents(body, timestamp, nonce, signature);
        HttpResponse<String> replayed = postEvents(body, timestamp, nonce, signature);
        HttpResponse<String> tampered = postEvents(
                body.replace("customer.upserted", "customer.redacted"), timestamp, randomBase64Url(16), signature);

        assertThat(forged.statusCode()).isEqualTo(401);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertThat(replayed.statusCode()).isEqualTo(401);
        assertThat(tampered.statusCode()).isEqualTo(401);
        assertThat(inboxRows(id)).isEqualTo(1);
    }

    /** The backend on the port the site calls, on the same database directory every time. */
    private static BackendProcess startBackend() throws Exception {
        int port = Integer.parseInt(
                settings.getBackendUrl().substring(settings.getBackendUrl().lastIndexOf(':') + 1));
        Path data = Files.createDirectories(work.resolve("backend").resolve("postgres"));
        return BackendProcess.start(
                port,
                data,
                Map.of(
                        "spring.mail.host",
                        "127.0.0.1",
                        "spring.mail.port",
                        String.valueOf(smtp.getSmtp().getPort()),
                        "loyalty.broadleaf.secret-key",
                        SECRET_KEY,
                        "loyalty.broadleaf.allow-http-site-urls",
                        "true",
                        "loyalty.broadleaf.bootstrap-sites[0].site-id",
                        SITE,
                        "loyalty.broadleaf.bootstrap-sites[0].secret",
                        SECRET,
                        "loyalty.broadleaf.bootstrap-sites[0].url",
                        "http://localhost:1",
                        "loyalty.journey.dispatch-interval",
                        "1s"));
    }

    /** Runs the site's sender until its outbox is empty (the backoff of the outage included). */
    private static void deliverEverything() {
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200)).until(() -> {
            site.update(
                    "update loyalty_outbox set next_attempt_at = ? where status = 'PENDING'",
                    new java.sql.Timestamp(System.currentTimeMillis()));
            sender.sendDue();
            return pendingRows() == 0;
        });
    }

    private static int pendingRows() {
        return site.queryForObject("select count(*) from loyalty_outbox where status = 'PENDING'", Integer.class);
    }

    /** Pending plus available points in the backend's own ledger. */
    private static long points(String customer) throws SQLException {
        return query("""
            select coalesce(sum(l.pending_delta + l.available_delta), 0)
              from points_ledger l
              join customer c on c.shop_id = l.shop_id and c.customer_id = l.customer_id
              join shop s on s.shop_id = l.shop_id
             where s.platform = 'BROADLEAF' and s.platform_shop_key = ? and c.external_id = ?\
            """, SITE, customer);
    }

    private static long inboxRows(String eventId) throws SQLException {
        return query("select count(*) from broadleaf_inbox where event_id = ?", eventId);
    }

    private static long query(String sql, String... parameters) throws SQLException {
        try (Connection connection = DriverManager.getConnection(backend.jdbcUrl());
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setString(i + 1, parameters[i]);
            }
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }

    private static List<String> messagesTo(String address) throws Exception {
        List<String> bodies = new java.util.ArrayList<>();
        for (MimeMessage message : smtp.getReceivedMessages()) {
            if (((jakarta.mail.internet.InternetAddress) message.getAllRecipients()[0])
                    .getAddress()
                    .equals(address)) {
                bodies.add(com.icegreen.greenmail.util.GreenMailUtil.getBody(message));
            }
        }
        return bodies;
    }

    private static HttpResponse<String> postEvents(String body, String timestamp, String nonce, String signature)
            throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(backend.url() + "/broadleaf/v1/events"))
                .header("Content-Type", "application/json")
                .header("X-Loyalty-Wire", "1")
                .header("X-Loyalty-Site", SITE)
                .header("X-Loyalty-Timestamp", timestamp)
                .header("X-Loyalty-Nonce", nonce)
                .header("X-Loyalty-Signature", signature)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        }
    }

    private static String randomBase64Url(int bytes) {
        byte[] random = new byte[bytes];
        new SecureRandom().nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    private static String randomBase64(int bytes) {
        byte[] random = new byte[bytes];
        new SecureRandom().nextBytes(random);
        return Base64.getEncoder().encodeToString(random);
    }
}
