package io.loyaltyloop.audit;

import java.time.Instant;
import java.util.Map;

/**
 * One row of a shop's audit log, as recorded.
 *
 * @param auditId the row's id, increasing with each record in the shop: the paging key
 * @param actor who acted ({@code admin:<email>}, {@code shopify-user:<id>}, {@code host}, ...)
 * @param action what was done, dotted, family first ({@code points.adjusted}, {@code review.approve})
 * @param subject what it was done to ({@code customer:42}), or null
 * @param details the recorded details by key (sorted), each value as text — a nested JSON value
 *     as its JSON text, a JSON null as null; never markup, whatever it looks like
 * @param createdAt when it was recorded
 */
public record AuditEntry(
        long auditId, String actor, String action, String subject, Map<String, String> details, Instant createdAt) {}
