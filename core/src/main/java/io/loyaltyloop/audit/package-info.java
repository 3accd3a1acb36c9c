/** The audit log: who changed what in a shop (its program, its customers' points, its deliveries), and why; written by {@link AuditLog}, read back by {@link AuditTrail}. */
package io.loyaltyloop.audit;
