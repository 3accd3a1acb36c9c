package io.loyaltyloop.broadleaf.events;

import io.loyaltyloop.broadleaf.BroadleafProperties;
import io.loyaltyloop.broadleaf.site.Site;
import io.loyaltyloop.broadleaf.wire.SignedRequests;
import io.loyaltyloop.broadleaf.wire.WireRejection;
import io.loyaltyloop.system.RequestBodies;
import io.loyaltyloop.system.Transactions;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import org.jooq.DSLContext;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.ObjectMapper;

/**
 * {@code POST /broadleaf/v1/events}: a site's outbox delivery. Content type (415), size (413), the
 * signature (401), then the whole envelope (400 {@code bad-batch}); then every event goes into the
 * inbox in one transaction, and nothing else happens in the request. A repeated event id changes
 * nothing and is counted as a duplicate.
 */
@RestController
class EventsController {

    private final SignedRequests signed;
    private final SiteInboxRepository inbox;
    private final Transactions transactions;
    private final ObjectMapper json;
    private final long maxBody;
    private final Clock clock;

    EventsController(
            SignedRequests signed,
            SiteInboxRepository inbox,
            DSLContext dsl,
            ObjectMapper json,
            BroadleafProperties properties,
            Clock clock) {
        this.signed = signed;
        this.inbox = inbox;
        this.transactions = new Transactions(dsl);
        this.json = json;
        this.maxBody = properties.maxEventsBody().toBytes();
        this.clock = clock;
    }

    @PostMapping("/broadleaf/v1/events")
    ResponseEntity<Accepted> events(HttpServletRequest request) throws IOException {
        requireJson(request.getContentType());
        byte[] body = SignedRequests.readBody(request, maxBody);
        Site site = signed.verify(request, body);
        List<SiteEvent> events = EventBatch.parse(body, json);
        int inserted =
                transactions.inTransaction(() -> inbox.store(site.shop().id().value(), events, clock.instant()));
        return ResponseEntity.ok(new Accepted(inserted, events.size() - inserted));
    }

    private static void requireJson(String contentType) {
        if (!RequestBodies.isJson(contentType)) {
            throw new WireRejection(
                    HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", "events are sent as application/json");
        }
    }

    /** The answer: events new to the inbox, and events it already had. */
    record Accepted(int accepted, int duplicates) {}
}
