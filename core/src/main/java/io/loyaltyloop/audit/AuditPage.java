package io.loyaltyloop.audit;

import java.util.List;

/**
 * One page of a shop's audit log, newest first.
 *
 * @param entries at most the page size
 * @param olderThan the cursor for the next page (pass it as {@code before}), or null on the last page
 */
public record AuditPage(List<AuditEntry> entries, Long olderThan) {}
