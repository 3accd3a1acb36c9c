package io.loyaltyloop.broadleaf.events;

import java.time.Instant;

/**
 * One event of a site's outbox, as the envelope carried it and the inbox keeps it.
 *
 * @param data the event's {@code data} object as JSON text, mapped by the worker
 */
record SiteEvent(String eventId, long sequence, String type, Instant occurredAt, String data) {}
