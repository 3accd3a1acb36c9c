package io.loyaltyloop.broadleaf.outbox;

import java.util.Date;

/** One row of {@code loyalty_outbox} as the sender and the tests see it. */
public final class OutboxRow {

    private final long sequence;
    private final String eventId;
    private final String type;
    private final String orderId;
    private final Date occurredAt;
    private final String data;
    private final OutboxStatus status;
    private final int attempts;
    private final String lastError;
    private final Date createdAt;

    OutboxRow(
            long sequence,
            String eventId,
            String type,
            String orderId,
            Date occurredAt,
            String data,
            OutboxStatus status,
            int attempts,
            String lastError,
            Date createdAt) {
        this.sequence = sequence;
        this.eventId = eventId;
        this.type = type;
        this.orderId = orderId;
        this.occurredAt = occurredAt;
        this.data = data;
        this.status = status;
        this.attempts = attempts;
        this.lastError = lastError;
        this.createdAt = createdAt;
    }

    public long sequence() {
        return sequence;
    }

    public String eventId() {
        return eventId;
    }

    public String type() {
        return type;
    }

    /** The Broadleaf order the event is about, null for customer events. */
    public String orderId() {
        return orderId;
    }

    public Date occurredAt() {
        return occurredAt;
    }

    /** The event's {@code data} object as JSON text. */
    public String data() {
        return data;
    }

    public OutboxStatus status() {
        return status;
    }

    public int attempts() {
        return attempts;
    }

    public String lastError() {
        return lastError;
    }

    public Date createdAt() {
        return createdAt;
    }
}
