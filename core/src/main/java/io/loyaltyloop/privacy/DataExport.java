package io.loyaltyloop.privacy;

import java.time.Instant;

/** The answer to one data request: the customer's data as JSON, as held when it was asked. */
public record DataExport(String dataRequestId, String customerExternalId, Instant createdAt, String json) {}
