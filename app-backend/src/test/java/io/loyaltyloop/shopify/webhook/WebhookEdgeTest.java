package io.loyaltyloop.shopify.webhook;

import static io.loyaltyloop.db.Tables.WEBHOOK_INBOX;
import static org.assertj.core.api.Assertions.assertThat;

import io.loyaltyloop.BackendTest;
import io.loyaltyloop.db.tables.records.WebhookInboxRecord;
import io.loyaltyloop.shopify.WebhookSignature;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The webhook edge over real HTTP, into the real inbox: every delivery Shopify would send is stored
 * once, and every refused request gets its status as problem+json and writes nothing.
 */
@ExtendWith(OutputCaptureExtension.class)
public class WebhookEdgeTest extends BackendTest {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final AtomicLong EVENT_IDS = new AtomicLong(System.nanoTime());

    @LocalServerPort
    int port;

    @Autowired
    DSLContext dsl;

    @Autowired
    JsonMapper json;

    // Each test sends for a shop of its own, so counting that shop's rows counts only its writes.
    private final String shop = "edge-" + UUID.randomUUID().toString().substring(0, 8) + ".myshopify.com";

    @AfterAll
    static void closeClient() {
        HTTP.close();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "orders/create",
                "orders/paid",
                "orders/cancelled",
                "orders/fulfilled",
                "refunds/create",
                "fulfillments/create",
                "fulfillments/update",
                "fulfillment_events/create",
                "customers/create",
                "app/uninstalled",
                "bulk_operations/finish"
            })
    void storesEachEventTopicsDeliveryAsOnePendingRow(String topic) {
        Delivery delivery = Delivery.of(shop, topic, fixture(topic));

        HttpResponse<String> response = send("/webhooks", delivery);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(rows()).isEqualTo(1);
        WebhookInboxRecord row = dsl.fetchSingle(WEBHOOK_INBOX, WEBHOOK_INBOX.SHOP_DOMAIN.eq(shop));
        assertThat(row.getTopic()).isEqualTo(topic);
        assertThat(row.getEventId()).isEqualTo(delivery.eventId());
        assertThat(row.getStatus()).isEqualTo("PENDING");
        assertThat(row.getAttempts()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"customers/data_request", "customers/redact", "shop/redact"})
    void storesEachComplianceTopicsDeliveryEvenForAShopItDoesNotKnow(String topic) {
        Delivery delivery = Delivery.of(shop, topic, fixture(topic));

        HttpResponse<String> response = send("/webhooks/compliance", delivery);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(rows()).isEqualTo(1);
    }

    @Test
    void keepsTheBodyExactlyAsSignedWithTheDeliveryHeaders() {
        String body = "{ \"id\" : 820982911946154508,\n  \"note\": \"caf\u00e9 \u2603\"  }";
        Delivery delivery = Delivery.of(shop, "orders/paid", body)
                .with(WebhookController.WEBHOOK_ID, "b54557e4-bdd9-4b37-8a5f-bf7d70bcd043")
                .with(WebhookController.API_VERSION, "2026-07")
                .with(WebhookController.TRIGGERED_AT, "2026-11-22T18:00:27.877041743Z");

        assertThat(send("/webhooks", delivery).statusCode()).isEqualTo(200);

        WebhookInboxRecord row = dsl.fetchSingle(WEBHOOK_INBOX, WEBHOOK_INBOX.SHOP_DOMAIN.eq(shop));
        assertThat(row.getPayload()).isEqualTo(body);
        assertThat(row.getWebhookId()).isEqualTo("b54557e4-bdd9-4b37-8a5f-bf7d70bcd043");
        assertThat(row.getApiVersion()).isEqualTo("2026-07");
        // Shopify sends nanoseconds; timestamptz keeps microseconds.
        assertThat(row.getTriggeredAt()).isEqualTo(OffsetDateTime.parse("2026-11-22T18:00:27.877042Z"));
        assertThat(row.getReceivedAt()).isNotNull();
    }

    @Test
    void readsHeaderNamesInAnyCase() {
        Delivery delivery = Delivery.of(shop, "orders/create", fixture("orders/create"));
        Map<String, String> lowerCase = new LinkedHashMap<>();
        delivery.headers.forEach((name, value) -> lowerCase.put(name.toLowerCase(), value));

        HttpResponse<String> response = send("/webhooks", new Delivery(lowerCase, delivery.body, "application/json"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(rows()).isEqualTo(1);
    }

    @Test
    void answers200ToARepeatedDeliveryAndKeepsOneRow() {
        Delivery delivery = Delivery.of(shop, "orders/paid", fixture("orders/paid"));

        HttpResponse<String> first = send("/webhooks", delivery);
        HttpResponse<String> retry = send("/webhooks", delivery);

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(retry.statusCode()).isEqualTo(200);
        assertThat(rows()).isEqualTo(1);
    }

    @Test
    void treatsTheShopDomainCaseInsensitivelyWhenDeduplicating() {
        Delivery delivery = Delivery.of(shop, "orders/paid", fixture("orders/paid"));
        Delivery shouted = delivery.with(
                WebhookController.SHOP_DOMAIN, shop.toUpperCase().replace(".MYSHOPIFY.COM", ".myshopify.com"));

        assertThat(send("/webhooks", shouted).statusCode()).isEqualTo(200);
        assertThat(send("/webhooks", delivery).statusCode()).isEqualTo(200);

        assertThat(rows()).isEqualTo(1);
    }

    @Test
    void keepsTheSameEventIdUnderAnotherTopicAsAnotherDelivery() {
        Delivery paid = Delivery.of(shop, "orders/paid", fixture("orders/paid"));
        Delivery created = Delivery.of(shop, "orders/create", fixture("orders/create"))
                .with(WebhookController.EVENT_ID, paid.eventId());

        assertThat(send("/webhooks", paid).statusCode()).isEqualTo(200);
        assertThat(send("/webhooks", created).statusCode()).isEqualTo(200);

        assertThat(rows()).isEqualTo(2);
    }

    @Test
    void acceptsADeliverySignedWithThePreviousSecretDuringRotation() {
        Delivery delivery =
                Delivery.of(shop, "orders/paid", fixture("orders/paid")).signedWith(SHOPIFY_PREVIOUS_SECRET);

        assertThat(send("/webhooks", delivery).statusCode()).isEqualTo(200);
        assertThat(rows()).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"GET", "PUT", "DELETE", "PATCH"})
    void refusesAnyMethodButPostWith405AndSaysPostIsAllowed(String method) {
        for (String path : new String[] {"/webhooks", "/webhooks/compliance"}) {
            Delivery delivery = Delivery.of(shop, "orders/paid", "{}");
            HttpRequest.Builder request = delivery.request(uri(path));
            request.method(method, HttpRequest.BodyPublishers.ofString(delivery.body));

            HttpResponse<String> response = send(request.build());

            assertRefused(response, 405, delivery);
            assertThat(response.headers().firstValue("Allow")).hasValue("POST");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"text/plain", "application/x-www-form-urlencoded", "application/jsonx", "nonsense"})
    void refusesABodyThatIsNotDeclaredJsonWith415(String contentType) {
        Delivery delivery =
                Delivery.of(shop, "orders/paid", fixture("orders/paid")).as(contentType);

        assertRefused(send("/webhooks", delivery), 415, delivery);
    }

    @Test
    void acceptsJsonWithACharsetParameter() {
        Delivery delivery =
                Delivery.of(shop, "orders/paid", fixture("orders/paid")).as("application/json; charset=utf-8");

        assertThat(send("/webhooks", delivery).statusCode()).isEqualTo(200);
        assertThat(rows()).isEqualTo(1);
    }

    @Test
    void refusesABodyDeclaredLargerThanTheLimitWith413() {
        Delivery delivery = Delivery.of(shop, "orders/paid", jsonOfLength(MAX_WEBHOOK_BODY + 1));

        assertRefused(send("/webhooks", delivery), 413, delivery);
    }

    @Test
    void refusesAnUndeclaredBodyLargerThanTheLimitWith413() {
        Delivery delivery = Delivery.of(shop, "orders/paid", jsonOfLength(MAX_WEBHOOK_BODY + 1));
        byte[] bytes = delivery.body.getBytes(StandardCharsets.UTF_8);
        // From a stream: sent chunked, with no Content-Length to refuse it by up front.
        HttpRequest request = delivery.request(uri("/webhooks"))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes)))
                .build();

        assertRefused(send(request), 413, delivery);
    }

    @Test
    void acceptsABodyOfExactlyTheLimit() {
        Delivery delivery = Delivery.of(shop, "orders/paid", jsonOfLength(MAX_WEBHOOK_BODY));

        assertThat(send("/webhooks", delivery).statusCode()).isEqualTo(200);
        assertThat(rows()).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                WebhookController.TOPIC,
                WebhookController.HMAC,
                WebhookController.SHOP_DOMAIN,
                WebhookController.EVENT_ID
            })
    void refusesADeliveryWithoutARequiredHeaderWith400(String header) {
        Delivery delivery = Delivery.of(shop, "orders/paid", fixture("orders/paid"));
        Delivery without = new Delivery(new LinkedHashMap<>(delivery.headers), delivery.body, "application/json");
        without.headers.remove(header);

        HttpResponse<String> response = send("/webhooks", without);

        assertRefused(response, 400, delivery);
        assertThat(detail(response)).contains(header);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "example.com",
                "shop.myshopify.com.evil.example",
                "-shop.myshopify.com",
                "shop_1.myshopify.com",
                "sub.shop.myshopify.com",
                ".myshopify.com"
            })
    void refusesAShopDomainThatIsNotAMyshopifyDomainWith400(String domain) {
        Delivery delivery = Delivery.of(domain, "orders/paid", fixture("orders/paid"));

        HttpResponse<String> response = send("/webhooks", delivery);

        assertThat(response.statusCode()).isEqualTo(400);
        assertProblem(response, 400);
        assertThat(dsl.fetchCount(WEBHOOK_INBOX, WEBHOOK_INBOX.EVENT_ID.eq(delivery.eventId())))
                .isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"orders", "Orders/Paid", "orders/paid/extra", "orders/*"})
    void refusesAMalformedTopicWith400(String topic) {
        Delivery delivery =
                Delivery.of(shop, "orders/paid", fixture("orders/paid")).with(WebhookController.TOPIC, topic);

        assertRefused(send("/webhooks", delivery), 400, delivery);
    }

    @Test
    void refusesAComplianceTopicOnTheEventsEndpointWith400() {
        Delivery delivery = Delivery.of(shop, "shop/redact", fixture("shop/redact"));

        assertRefused(send("/webhooks", delivery), 400, delivery);
    }

    @Test
    void refusesAnEventTopicOnTheComplianceEndpointWith400() {
        Delivery delivery = Delivery.of(shop, "orders/paid", fixture("orders/paid"));

        assertRefused(send("/webhooks/compliance", delivery), 400, delivery);
    }

    @Test
    void refusesATopicNoEndpointTakesWith400() {
        Delivery delivery = Delivery.of(shop, "products/update", "{\"id\": 1}");

        assertRefused(send("/webhooks", delivery), 400, delivery);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"id\": ", "[1, 2]", "\"text\"", "{\"a\": 1} {\"b\": 2}", "", "{'a': 1}"})
    void refusesASignedBodyThatIsNotOneJsonObjectWith400(String body) {
        Delivery delivery = Delivery.of(shop, "orders/paid", body);

        assertRefused(send("/webhooks", delivery), 400, delivery);
    }

    @Test
    void refusesASignedBodyThatIsNotUtf8With400() {
        byte[] latin1 = "{\"note\": \"caf\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1);
        Delivery delivery = Delivery.of(shop, "orders/paid", "{}")
                .with(WebhookController.HMAC, WebhookSignature.sign(SHOPIFY_SECRET, latin1));
        HttpRequest request = delivery.request(uri("/webhooks"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(latin1))
                .build();

        assertRefused(send(request), 400, delivery);
    }

    @Test
    void refusesABodyChangedAfterSigningWith401() {
        Delivery delivery = Delivery.of(shop, "orders/paid", fixture("orders/paid"));
        Delivery tampered = new Delivery(
                delivery.headers, delivery.body.replace("\"total_price\"", "\"total_price \""), "application/json");

        assertRefused(send("/webhooks", tampered), 401, delivery);
    }

    @Test
    void refusesABodySignedWithAnotherSecretWith401() {
        Delivery delivery = Delivery.of(shop, "orders/paid", fixture("orders/paid"))
                .signedWith("not-the-app-secret-but-just-as-long-as-one");

        assertRefused(send("/webhooks", delivery), 401, delivery);
    }

    @ParameterizedTest
    @ValueSource(strings = {"customers/data_request", "customers/redact", "shop/redact"})
    void refusesAnInvalidHmacOnTheComplianceEndpointWith401(String topic) {
        for (String hmac : new String[] {"invalid", "AAAA", WebhookSignature.sign("another-secret", new byte[0])}) {
            Delivery delivery = Delivery.of(shop, topic, fixture(topic)).with(WebhookController.HMAC, hmac);

            assertRefused(send("/webhooks/compliance", delivery), 401, delivery);
        }
    }

    @Test
    void refusesAForgedDeliveryOnTheComplianceEndpointWith401WhateverItsTopic() {
        Delivery delivery =
                Delivery.of(shop, "orders/paid", fixture("orders/paid")).with(WebhookController.HMAC, "invalid");

        assertRefused(send("/webhooks/compliance", delivery), 401, delivery);
    }

    @Test
    void logsARefusalWithoutTheSecretsOrTheBody(CapturedOutput output) {
        Delivery forged =
                Delivery.of(shop, "orders/paid", "{\"secret_marker\": 1}").signedWith("forged");

        assertThat(send("/webhooks", forged).statusCode()).isEqualTo(401);

        assertThat(output.getAll())
                .contains("Rejected webhook POST /webhooks", shop)
                .doesNotContain(SHOPIFY_SECRET)
                .doesNotContain(SHOPIFY_PREVIOUS_SECRET)
                .doesNotContain("secret_marker");
    }

    @Test
    void keepsServingAfterRefusals() {
        for (int i = 0; i < 20; i++) {
            Delivery forged =
                    Delivery.of(shop, "orders/paid", fixture("orders/paid")).signedWith("forged-" + i);
            assertThat(send("/webhooks", forged).statusCode()).isEqualTo(401);
            Delivery oversized = Delivery.of(shop, "orders/paid", jsonOfLength(MAX_WEBHOOK_BODY + 1));
            assertThat(send("/webhooks", oversized).statusCode()).isEqualTo(413);
        }

        Delivery genuine = Delivery.of(shop, "orders/paid", fixture("orders/paid"));

        assertThat(send("/webhooks", genuine).statusCode()).isEqualTo(200);
        assertThat(rows()).isEqualTo(1);
    }

    private void assertRefused(HttpResponse<String> response, int status, Delivery delivery) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertProblem(response, status);
        assertThat(rows()).as("rows for the shop").isZero();
        assertThat(dsl.fetchCount(WEBHOOK_INBOX, WEBHOOK_INBOX.EVENT_ID.eq(delivery.eventId())))
                .as("rows for the event")
                .isZero();
    }

    private void assertProblem(HttpResponse<String> response, int status) {
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("detail").asString()).isNotBlank();
    }

    private String detail(HttpResponse<String> response) {
        return json.readTree(response.body()).path("detail").asString();
    }

    private int rows() {
        return dsl.fetchCount(WEBHOOK_INBOX, WEBHOOK_INBOX.SHOP_DOMAIN.eq(shop));
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private HttpResponse<String> send(String path, Delivery delivery) {
        return send(delivery.request(uri(path))
                .POST(HttpRequest.BodyPublishers.ofString(delivery.body))
                .build());
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static String fixture(String topic) {
        String name = "/shopify/webhooks-2026-07/" + topic.replace("/", "__") + ".json";
        try (InputStream in = WebhookEdgeTest.class.getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String jsonOfLength(int length) {
        String start = "{\"padding\": \"";
        String end = "\"}";
        return start + "x".repeat(length - start.length() - end.length()) + end;
    }

    /** A webhook request as Shopify sends it: headers, signed body, content type. */
    public record Delivery(Map<String, String> headers, String body, String contentType) {

        public static Delivery of(String shop, String topic, String body) {
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put(WebhookController.TOPIC, topic);
            headers.put(WebhookController.SHOP_DOMAIN, shop);
            headers.put(WebhookController.EVENT_ID, Long.toString(EVENT_IDS.incrementAndGet()));
            headers.put(WebhookController.HMAC, WebhookSignature.sign(SHOPIFY_SECRET, bytes(body)));
            return new Delivery(headers, body, "application/json");
        }

        public Delivery with(String header, String value) {
            Map<String, String> changed = new LinkedHashMap<>(headers);
            changed.put(header, value);
            return new Delivery(changed, body, contentType);
        }

        public Delivery signedWith(String secret) {
            return with(WebhookController.HMAC, WebhookSignature.sign(secret, bytes(body)));
        }

        public Delivery as(String type) {
            return new Delivery(headers, body, type);
        }

        public String eventId() {
            return headers.getOrDefault(
                    WebhookController.EVENT_ID, headers.get(WebhookController.EVENT_ID.toLowerCase()));
        }

        public HttpRequest.Builder request(URI uri) {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Content-Type", contentType);
            headers.forEach(request::header);
            return request;
        }

        private static byte[] bytes(String body) {
            return body.getBytes(StandardCharsets.UTF_8);
        }
    }
}
