package io.loyaltyloop.broadleaf.events;

import io.loyaltyloop.broadleaf.wire.WireRejection;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The envelope of {@code POST /broadleaf/v1/events}, checked whole before anything is stored: one
 * JSON object with 1 to {@link #MAX_EVENTS} events, each with a well-formed id (unique in the batch),
 * a positive sequence, a known type, an ISO-8601 instant and a {@code data} object. What is inside
 * {@code data} is the worker's to map. Any failure is 400 {@code bad-batch}, naming the event.
 */
final class EventBatch {

    static final int MAX_EVENTS = 100;
    private static final Pattern EVENT_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    private EventBatch() {}

    static List<SiteEvent> parse(byte[] body, ObjectMapper json) {
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (JacksonException e) {
            throw bad("the body is not valid JSON", null);
        }
        if (root == null || !root.isObject()) {
            throw bad("the body is not a JSON object", null);
        }
        JsonNode events = root.get("events");
        if (events == null || !events.isArray()) {
            throw bad("events must be an array", null);
        }
        if (events.isEmpty() || events.size() > MAX_EVENTS) {
            throw bad("a batch has 1 to " + MAX_EVENTS + " events, this one " + events.size(), null);
        }
        List<SiteEvent> parsed = new ArrayList<>(events.size());
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < events.size(); i++) {
            SiteEvent event = event(events.get(i), i, json);
            if (!ids.add(event.eventId())) {
                throw bad("event id " + event.eventId() + " appears twice in the batch", i);
            }
            parsed.add(event);
        }
        return parsed;
    }

    private static SiteEvent event(JsonNode node, int index, ObjectMapper json) {
        if (!node.isObject()) {
            throw bad("the event is not an object", index);
        }
        JsonNode id = node.get("id");
        if (id == null || !id.isString() || !EVENT_ID.matcher(id.asString()).matches()) {
            throw bad("id must be 1-64 characters of A-Z a-z 0-9 . _ : -", index);
        }
        JsonNode sequence = node.get("sequence");
        if (sequence == null || !sequence.canConvertToLong() || !sequence.isIntegralNumber() || sequence.asLong() < 1) {
            throw bad("sequence must be a positive integer", index);
        }
        JsonNode type = node.get("type");
        if (type == null || !type.isString() || EventType.of(type.asString()).isEmpty()) {
            throw bad("type is not an event type of wire version 1", index);
        }
        JsonNode occurredAt = node.get("occurredAt");
        Instant at;
        try {
            at = occurredAt != null && occurredAt.isString() ? Instant.parse(occurredAt.asString()) : null;
        } catch (DateTimeParseException e) {
            at = null;
        }
        if (at == null) {
            throw bad("occurredAt must be an ISO-8601 instant", index);
        }
        JsonNode data = node.get("data");
        if (data == null || !data.isObject()) {
            throw bad("data must be an object", index);
        }
        return new SiteEvent(id.asString(), sequence.asLong(), type.asString(), at, json.writeValueAsString(data));
    }

    private static WireRejection bad(String detail, Integer eventIndex) {
        return new WireRejection(HttpStatus.BAD_REQUEST, "bad-batch", detail, eventIndex);
    }
}
