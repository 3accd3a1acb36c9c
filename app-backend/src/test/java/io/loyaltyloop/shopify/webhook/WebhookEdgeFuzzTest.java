package io.loyaltyloop.shopify.webhook;

import static io.loyaltyloop.db.Tables.WEBHOOK_INBOX;
import static org.assertj.core.api.Assertions.assertThat;

import io.loyaltyloop.BackendFuzzTest;
import io.loyaltyloop.db.tables.records.WebhookInboxRecord;
import io.loyaltyloop.loyalty.LedgerVerifier;
import io.loyaltyloop.shop.NewShop;
import io.loyaltyloop.shop.Platform;
import io.loyaltyloop.shop.ProgramSettings;
import io.loyaltyloop.shop.Shop;
import io.loyaltyloop.shop.ShopService;
import io.loyaltyloop.shopify.WebhookSignature;
import io.loyaltyloop.system.PageClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeTry;
import org.jooq.DSLContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The webhook edge and the inbox worker under hostile input (docs/fuzzing.md): whatever arrives,
 * the edge never answers 5xx, stores nothing it refuses, stores what it accepts exactly as signed,
 * the worker applies, parks or retries it without throwing or touching the books wrongly, and a
 * genuine delivery is still taken afterwards.
 */
class WebhookEdgeFuzzTest extends BackendFuzzTest {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final AtomicLong EVENT_IDS = new AtomicLong(System.nanoTime());
    private static final JsonMapper STRICT = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    DSLContext dsl;

    @Autowired
    InboxWorker worker;

    @Autowired
    ShopService shops;

    /**
     * The shop the edge properties deliver to. Installed, so that the worker settles what they
     * stored at once rather than retrying it for a dozen rounds ahead of other tests' deliveries.
     */
    private final String edgeShop = domain("fuzz-edge");

    /** The worker property's shops: one for the mutated deliveries, one for genuine ones beside them. */
    private final String mutatedShop = domain("fuzz-mutated");

    private final String witnessShop = domain("fuzz-witness");

    private final Map<String, Shop> installedShops = new LinkedHashMap<>();

    @AfterContainer
    static void closeClient() {
        HTTP.close();
    }

    @BeforeTry
    void edgeShopInstalled() {
        installed(edgeShop);
    }

    /** Leaves no delivery of this property pending: the inbox is shared with the other tests. */
    @AfterProperty
    void settleWhatWasStored() {
        for (int round = 0; round < 200 && pending() > 0; round++) {
            worker.drainOnce();
        }
    }

    @Property(seed = "20261123")
    void aWrongSignatureIsRefusedWith401AndStoresNothing(
            @ForAll("bodies") byte[] body, @ForAll("wrongSignatures") String hmac) {
        Map<String, String> headers = genuineHeaders("orders/paid");
        headers.put(WebhookController.HMAC, hmac);
        Snapshot before = snapshot(headers);

        HttpResponse<String> answer = post("/webhooks", "application/json", headers, body);

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(body.length > MAX_WEBHOOK_BODY ? 413 : 401);
        assertThat(snapshot(headers)).isEqualTo(before);
        assertStillServesAGenuineDelivery();
    }

    @Property(seed = "20261124")
    void hostileHeadersAreRefusedWith4xxAndStoreNothingWhileGenuineOnesAreStored(@ForAll("headerSets") HeaderSet set) {
        byte[] body = WebhookEdgeTest.fixture("orders/paid").getBytes(StandardCharsets.UTF_8);
        Map<String, String> headers = set.headers(body);
        Snapshot before = snapshot(headers);

        HttpResponse<String> answer = post(set.path(), set.contentType().value(), headers, body);

        if (set.valid()) {
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            assertThat(snapshot(headers).rows()).isEqualTo(before.rows() + 1);
        } else {
            assertThat(answer.statusCode()).as(answer.body()).isBetween(400, 499);
            assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(snapshot(headers)).isEqualTo(before);
        }
        assertStillServesAGenuineDelivery();
    }

    @Property(seed = "20261125")
    void aCorrectlySignedHostileBodyIsRefusedWith4xxOrStoredExactlyAsSigned(@ForAll("bodies") byte[] body) {
        Map<String, String> headers = genuineHeaders("orders/paid");
        headers.put(WebhookController.HMAC, WebhookSignature.sign(SHOPIFY_SECRET, body));
        Snapshot before = snapshot(headers);

        HttpResponse<String> answer = post("/webhooks", "application/json", headers, body);

        if (body.length > MAX_WEBHOOK_BODY) {
            assertThat(answer.statusCode()).isEqualTo(413);
        } else {
            // Refused exactly when the body is not one JSON object in UTF-8: the worker maps the rest.
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(isOneJsonObject(body) ? 200 : 400);
        }
        if (answer.statusCode() == 200) {
            WebhookInboxRecord row = dsl.fetchSingle(
                    WEBHOOK_INBOX,
                    WEBHOOK_INBOX.SHOP_DOMAIN.eq(edgeShop),
                    WEBHOOK_INBOX.EVENT_ID.eq(headers.get(WebhookController.EVENT_ID)));
            assertThat(row.getPayload().getBytes(StandardCharsets.UTF_8)).isEqualTo(body);
        } else {
            assertThat(answer.statusCode()).isBetween(400, 499);
            assertThat(snapshot(headers)).isEqualTo(before);
        }
        assertStillServesAGenuineDelivery();
    }

    @Property(seed = "20261126")
    void theWorkerAppliesParksOrRetriesAMutatedPayloadAndStillAppliesAGenuineOne(
            @ForAll("mutatedPayloads") HostilePayloads.Mutated mutated) {
        Shop shop = installed(mutatedShop);
        Shop witness = installed(witnessShop);
        String hostileEvent = deliver(shop.platformShopKey(), mutated.topic(), mutated.body());
        String genuineEvent = deliver(witness.platformShopKey(), "orders/paid", WebhookEdgeTest.fixture("orders/paid"));

        // Older rows may be due as well; a bounded number of rounds reaches this try's.
        for (int round = 0;
                round < 100 && (isPending(shop, hostileEvent) || isPending(witness, genuineEvent));
                round++) {
            worker.drainOnce();
        }

        WebhookInboxRecord hostile = row(shop, mutated.topic(), hostileEvent);
        assertThat(hostile.getStatus()).isIn("DONE", "PARKED", "PENDING");
        if (!hostile.getStatus().equals("DONE")) {
            assertThat(hostile.getLastError()).as("why it is not done").isNotBlank();
        }
        assertThat(row(witness, "orders/paid", genuineEvent).getStatus())
                .as("a genuine delivery beside it")
                .isEqualTo("DONE");
        assertThat(new LedgerVerifier(dsl).verify(shop.id(), m -> {}).ok()).isTrue();
    }

    @Provide
    Arbitrary<byte[]> bodies() {
        return Arbitraries.oneOf(
                HostilePayloads.anyBody(),
                // Just over the limit, with its length declared.
                Arbitraries.integers()
                        .between(MAX_WEBHOOK_BODY + 1, MAX_WEBHOOK_BODY + 64)
                        .map(n -> new byte[n]));
    }

    @Provide
    Arbitrary<HostilePayloads.Mutated> mutatedPayloads() {
        return HostilePayloads.mutatedPayloads();
    }

    /** Signatures that are not the body's under the app's secret. */
    @Provide
    Arbitrary<String> wrongSignatures() {
        return Arbitraries.oneOf(
                Arbitraries.bytes().array(byte[].class).ofSize(32).map(Base64.getEncoder()::encodeToString),
                Arbitraries.bytes()
                        .array(byte[].class)
                        .ofMinSize(1)
                        .ofMaxSize(64)
                        .map(Base64.getEncoder()::encodeToString),
                Arbitraries.strings()
                        .ascii()
                        .ofMinLength(1)
                        .ofMaxLength(100)
                        .filter(s -> !s.isBlank() && s.chars().allMatch(c -> c >= 0x20 && c < 0x7f)),
                Arbitraries.of(
                        WebhookSignature.sign("not-the-app-secret", new byte[0]),
                        WebhookSignature.sign(SHOPIFY_SECRET, "{}".getBytes(StandardCharsets.UTF_8)),
                        "AAAA",
                        "====",
                        "sha256=abc"));
    }

    @Provide
    Arbitrary<HeaderSet> headerSets() {
        return Combinators.combine(
                        Arbitraries.of("/webhooks", "/webhooks/compliance"),
                        header(
                                Arbitraries.of("orders/paid", "orders/create"),
                                Arbitraries.of(
                                        null,
                                        "",
                                        " ",
                                        "orders",
                                        "Orders/Paid",
                                        "orders/paid/extra",
                                        "orders/*",
                                        "products/update",
                                        "shop/redact",
                                        "orders/paid\t",
                                        "orders/ paid")),
                        header(
                                Arbitraries.of(edgeShop, edgeShop.replace("fuzz-edge", "FUZZ-Edge")),
                                Arbitraries.oneOf(
                                        Arbitraries.of(
                                                null,
                                                "",
                                                "example.com",
                                                edgeShop + ".evil.example",
                                                "-" + edgeShop,
                                                "sub." + edgeShop,
                                                ".myshopify.com",
                                                edgeShop.replace("-", "_"),
                                                edgeShop.replace(".com", ".com%00")),
                                        printable(1, 80))),
                        header(
                                Arbitraries.strings()
                                        .withCharRange('0', '9')
                                        .ofMinLength(1)
                                        .ofMaxLength(19),
                                Arbitraries.of(null, "", "with space", "x".repeat(256), "tab\there")),
                        header(
                                Arbitraries.just("genuine"),
                                Arbitraries.oneOf(Arbitraries.of(null, "", " "), wrongSignatures())),
                        Combinators.combine(optionalValues(), optionalValues(), optionalValues())
                                .as(Optionals::new),
                        header(
                                Arbitraries.of(
                                        "application/json", "application/json; charset=utf-8", "Application/JSON"),
                                Arbitraries.of(
                                        null,
                                        "",
                                        "text/plain",
                                        "application/jsonx",
                                        "application/x-www-form-urlencoded",
                                        "json",
                                        "application/",
                                        "*/*")))
                .as(HeaderSet::new);
    }

    /** The optional headers: never a reason to refuse, whatever they hold. */
    private static Arbitrary<String> optionalValues() {
        return Arbitraries.oneOf(
                Arbitraries.of(
                        null,
                        "",
                        "2026-07",
                        "unstable",
                        "2026-11-22T18:00:27.877041743Z",
                        "yesterday",
                        "x".repeat(300)),
                printable(1, 300));
    }

    private static Arbitrary<String> printable(int min, int max) {
        return Arbitraries.strings().withCharRange(' ', '~').ofMinLength(min).ofMaxLength(max);
    }

    private static Arbitrary<Header> header(Arbitrary<String> valid, Arbitrary<String> hostile) {
        return Arbitraries.oneOf(valid.map(v -> new Header(v, true)), hostile.map(v -> new Header(v, false)));
    }

    /** A header's value (null: left out) and whether the edge must take it. */
    record Header(String value, boolean valid) {}

    record Optionals(String webhookId, String apiVersion, String triggeredAt) {}

    /** One delivery's headers, content type and endpoint, valid when every part is. */
    record HeaderSet(
            String path,
            Header topic,
            Header shop,
            Header eventId,
            Header hmac,
            Optionals optionals,
            Header contentType) {

        boolean valid() {
            // The events endpoint takes the valid topics here; the compliance one takes none of them.
            return path.equals("/webhooks")
                    && topic.valid
                    && shop.valid
                    && eventId.valid
                    && hmac.valid
                    && contentType.valid;
        }

        Map<String, String> headers(byte[] body) {
            Map<String, String> headers = new LinkedHashMap<>();
            put(headers, WebhookController.TOPIC, topic.value);
            put(headers, WebhookController.SHOP_DOMAIN, shop.value);
            // A unique id per try, so that a genuine set is a new delivery, not a duplicate.
            put(
                    headers,
                    WebhookController.EVENT_ID,
                    eventId.valid ? eventId.value + EVENT_IDS.incrementAndGet() : eventId.value);
            put(headers, WebhookController.HMAC, hmac.valid ? WebhookSignature.sign(SHOPIFY_SECRET, body) : hmac.value);
            put(headers, WebhookController.WEBHOOK_ID, optionals.webhookId);
            put(headers, WebhookController.API_VERSION, optionals.apiVersion);
            put(headers, WebhookController.TRIGGERED_AT, optionals.triggeredAt);
            return headers;
        }

        private static void put(Map<String, String> headers, String name, String value) {
            if (value != null) {
                headers.put(name, value);
            }
        }
    }

    /** What a refused request must leave as it was: the edge shop's rows and the event id's. */
    record Snapshot(int rows, int rowsOfTheEvent) {}

    private Snapshot snapshot(Map<String, String> headers) {
        String eventId = headers.getOrDefault(WebhookController.EVENT_ID, "");
        return new Snapshot(
                dsl.fetchCount(WEBHOOK_INBOX, WEBHOOK_INBOX.SHOP_DOMAIN.eq(edgeShop)),
                dsl.fetchCount(WEBHOOK_INBOX, WEBHOOK_INBOX.EVENT_ID.eq(eventId.trim())));
    }

    private Map<String, String> genuineHeaders(String topic) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(WebhookController.TOPIC, topic);
        headers.put(WebhookController.SHOP_DOMAIN, edgeShop);
        headers.put(WebhookController.EVENT_ID, Long.toString(EVENT_IDS.incrementAndGet()));
        return headers;
    }

    private void assertStillServesAGenuineDelivery() {
        byte[] body = WebhookEdgeTest.fixture("orders/paid").getBytes(StandardCharsets.UTF_8);
        Map<String, String> headers = genuineHeaders("orders/paid");
        headers.put(WebhookController.HMAC, WebhookSignature.sign(SHOPIFY_SECRET, body));

        assertThat(post("/webhooks", "application/json", headers, body).statusCode())
                .as("a genuine delivery afterwards")
                .isEqualTo(200);
    }

    private String deliver(String shopDomain, String topic, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        Map<String, String> headers = genuineHeaders(topic);
        headers.put(WebhookController.SHOP_DOMAIN, shopDomain);
        headers.put(WebhookController.HMAC, WebhookSignature.sign(SHOPIFY_SECRET, bytes));
        headers.put(WebhookController.TRIGGERED_AT, "2026-11-01T12:00:00.000Z");
        HttpResponse<String> answer = post("/webhooks", "application/json", headers, bytes);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return headers.get(WebhookController.EVENT_ID);
    }

    private WebhookInboxRecord row(Shop shop, String topic, String eventId) {
        return dsl.fetchSingle(
                WEBHOOK_INBOX,
                WEBHOOK_INBOX.SHOP_DOMAIN.eq(shop.platformShopKey()),
                WEBHOOK_INBOX.TOPIC.eq(topic),
                WEBHOOK_INBOX.EVENT_ID.eq(eventId));
    }

    /** The shop of this domain, installed once and awarding the fixtures' 2021 orders. */
    private Shop installed(String domain) {
        return installedShops.computeIfAbsent(domain, d -> {
            Shop shop = shops.register(new NewShop(Platform.SHOPIFY, d, "Fuzzed shop", "USD", "America/New_York"));
            shops.updateSettings(shop.id(), new ProgramSettings(14, false, 12, 12, true), "test");
            return shop;
        });
    }

    private static String domain(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8) + ".myshopify.com";
    }

    private boolean isPending(Shop shop, String eventId) {
        return dsl.fetchExists(
                WEBHOOK_INBOX,
                WEBHOOK_INBOX.SHOP_DOMAIN.eq(shop.platformShopKey()),
                WEBHOOK_INBOX.EVENT_ID.eq(eventId),
                WEBHOOK_INBOX.STATUS.eq("PENDING"),
                WEBHOOK_INBOX.ATTEMPTS.eq(0));
    }

    private int pending() {
        return dsl.fetchCount(
                WEBHOOK_INBOX,
                WEBHOOK_INBOX.SHOP_DOMAIN.in(installedShops.keySet()),
                WEBHOOK_INBOX.STATUS.eq("PENDING"),
                WEBHOOK_INBOX.ATTEMPTS.eq(0));
    }

    private static boolean isOneJsonObject(byte[] body) {
        try {
            StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body));
            JsonNode tree = STRICT.readTree(body);
            return tree != null && tree.isObject();
        } catch (CharacterCodingException | JacksonException e) {
            return false;
        }
    }

    private HttpResponse<String> post(String path, String contentType, Map<String, String> headers, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        headers.forEach(request::header);
        return PageClient.send(HTTP, request.build());
    }
}
