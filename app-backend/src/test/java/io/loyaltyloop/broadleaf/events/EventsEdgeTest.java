package io.loyaltyloop.broadleaf.events;

import static io.loyaltyloop.broadleaf.events.SiteEvents.batch;
import static io.loyaltyloop.broadleaf.events.SiteEvents.customer;
import static io.loyaltyloop.broadleaf.events.SiteEvents.event;
import static io.loyaltyloop.db.Tables.BROADLEAF_INBOX;
import static io.loyaltyloop.db.Tables.BROADLEAF_NONCE;
import static org.assertj.core.api.Assertions.assertThat;

import io.loyaltyloop.BackendTest;
import io.loyaltyloop.broadleaf.BroadleafFixtures;
import io.loyaltyloop.broadleaf.SiteClient;
import io.loyaltyloop.broadleaf.site.BroadleafSites;
import io.loyaltyloop.broadleaf.wire.WireHeaders;
import io.loyaltyloop.testing.MutableClock;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * {@code POST /broadleaf/v1/events} over HTTP: a good batch is stored whole, a repeated one changes
 * nothing; every refusal answers its status and code and stores nothing.
 */
class EventsEdgeTest extends BackendTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PATH = "/broadleaf/v1/events";

    @Autowired
    BroadleafSites sites;

    @Autowired
    DSLContext dsl;

    @Autowired
    MutableClock clock;

    @LocalServerPort
    int port;

    private BroadleafSites.Registered site;
    private SiteClient client;

    @BeforeEach
    void aSite() {
        clock.set(START);
        site = BroadleafFixtures.register(sites, "https://shop.example.com");
        client = new SiteClient(port, site.site().siteId(), site.secret(), clock);
    }

    @Test
    void aBatchIsStoredWholeAndARepeatIsCountedAsDuplicates() {
        String body = batch(
                event("customer.upserted", customer("100", "ada@example.com")),
                event("customer.upserted", customer("101", "bob@example.com")));

        HttpResponse<String> first = client.postJson(PATH, body);
        HttpResponse<String> again = client.postJson(PATH, body);

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(first.body())).isEqualTo(JSON.readTree("{\"accepted\":2,\"duplicates\":0}"));
        assertThat(JSON.readTree(again.body())).isEqualTo(JSON.readTree("{\"accepted\":0,\"duplicates\":2}"));
        assertThat(inboxRows()).isEqualTo(2);
    }

    @Test
    void aForgedBatchIs401WithoutDetailAndStoresNothing() {
        HttpResponse<String> response = client.send(
                "POST",
                PATH,
                batch(event("customer.upserted", customer("100", "a@b.c"))).getBytes(StandardCharsets.UTF_8),
                "application/json",
                h -> h.put(WireHeaders.SIGNATURE, "v1=" + "0".repeat(64)));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.path("code").asString()).isEqualTo("unsigned");
        assertThat(problem.has("detail")).isFalse();
        assertNothingStored();
    }

    @Test
    void anotherWireVersionIs400() {
        HttpResponse<String> response = client.send(
                "POST",
                PATH,
                batch(event("customer.upserted", customer("100", "a@b.c"))).getBytes(StandardCharsets.UTF_8),
                "application/json",
                h -> h.put(WireHeaders.WIRE, "2"));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(response.body()).path("code").asString()).isEqualTo("unsupported-wire-version");
        assertNothingStored();
    }

    @Test
    void aBodyThatIsNotJsonTypedIs415() {
        HttpResponse<String> response = client.send(
                "POST",
                PATH,
                batch(event("customer.upserted", customer("100", "a@b.c"))).getBytes(StandardCharsets.UTF_8),
                "text/plain",
                h -> {});

        assertThat(response.statusCode()).isEqualTo(415);
        assertNothingStored();
    }

    @Test
    void aBodyOverOneMebibyteIs413() {
        String padding = String.join("", Collections.nCopies(1024 * 1024, " "));
        String body = batch(event("customer.upserted", customer("100", "a@b.c"))) + padding;

        HttpResponse<String> response = client.postJson(PATH, body);

        assertThat(response.statusCode()).isEqualTo(413);
        assertNothingStored();
    }

    @Test
    void eachEnvelopeFaultIs400BadBatchNamingTheEventAndStoresNothing() {
        String good = event("customer.upserted", customer("100", "a@b.c"));
        Map<String, Integer> faults = Map.ofEntries(
                Map.entry("not json", -1),
                Map.entry("[]", -1),
                Map.entry("{\"events\":{}}", -1),
                Map.entry("{\"events\":[]}", -1),
                Map.entry(batch(good, "42"), 1),
                Map.entry(batch(good, event("bad id!", "customer.upserted", customer("1", "a@b.c"))), 1),
                Map.entry(batch(good, event("x".repeat(65), "customer.upserted", customer("1", "a@b.c"))), 1),
                Map.entry(batch(event("order.exploded", "{}")), 0),
                Map.entry(batch(good, good.replace("\"data\":{", "\"data\":[{").replace("}}}", "}}]}")), 1),
                Map.entry(batch(event("customer.upserted", "\"text\"")), 0),
                Map.entry(batch(good.replace("2026-11-02T10:15:30Z", "yesterday")), 0),
                Map.entry(batch(good.replaceFirst("\"sequence\":\\d+", "\"sequence\":0")), 0),
                Map.entry(batch(good.replaceFirst("\"sequence\":\\d+", "\"sequence\":\"7\"")), 0),
                Map.entry(batch(good, good), 1));
        for (Map.Entry<String, Integer> fault : faults.entrySet()) {
            HttpResponse<String> response = client.postJson(PATH, fault.getKey());

            assertThat(response.statusCode()).as(fault.getKey()).isEqualTo(400);
            JsonNode problem = JSON.readTree(response.body());
            assertThat(problem.path("code").asString()).as(fault.getKey()).isEqualTo("bad-batch");
            if (fault.getValue() >= 0) {
                assertThat(problem.path("eventIndex").asInt())
                        .as(fault.getKey())
                        .isEqualTo(fault.getValue());
            } else {
                assertThat(problem.has("eventIndex")).as(fault.getKey()).isFalse();
            }
        }
        assertThat(inboxRows()).isZero();
    }

    @Test
    void moreThan100EventsIs400() {
        String[] events = new String[101];
        for (int i = 0; i < events.length; i++) {
            events[i] = event("customer.upserted", customer("c" + i, "a@b.c"));
        }

        HttpResponse<String> response = client.postJson(PATH, batch(events));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(response.body()).path("code").asString()).isEqualTo("bad-batch");
        assertThat(inboxRows()).isZero();
        assertThat(client.postJson(PATH, batch(List.of(events).subList(0, 100).toArray(String[]::new)))
                        .statusCode())
                .isEqualTo(200);
    }

    private void assertNothingStored() {
        assertThat(inboxRows()).isZero();
        assertThat(dsl.fetchCount(BROADLEAF_NONCE, BROADLEAF_NONCE.SHOP_ID.eq(shopId())))
                .isZero();
    }

    private int inboxRows() {
        return dsl.fetchCount(BROADLEAF_INBOX, BROADLEAF_INBOX.SHOP_ID.eq(shopId()));
    }

    private long shopId() {
        return site.site().shop().id().value();
    }
}
