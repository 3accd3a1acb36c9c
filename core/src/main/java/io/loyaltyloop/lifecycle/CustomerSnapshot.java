package io.loyaltyloop.lifecycle;

import java.time.Instant;

/** A customer as the host store describes it; every field but the id may be absent. */
public record CustomerSnapshot(
        String externalId,
        String email,
        String firstName,
        String lastName,
        String locale,
        boolean acceptsMarketing,
        Instant updatedAt) {

    public CustomerSnapshot {
        Check.id("customer id", externalId);
        if (email != null && (email.length() > 320 || !email.contains("@"))) {
            throw new InvalidEventException("customer email is not an email address");
        }
    }

    public static CustomerSnapshot ofId(String externalId) {
        return new CustomerSnapshot(externalId, null, null, null, null, false, null);
    }
}
