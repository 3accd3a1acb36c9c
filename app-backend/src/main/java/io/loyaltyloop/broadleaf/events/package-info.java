/**
 * {@code POST /broadleaf/v1/events}: a site's outbox delivered in signed batches, validated as an
 * envelope and stored in the Broadleaf inbox in one transaction; the inbox worker maps each event's
 * data to lifecycle events and applies them, parking what does not map, with the reason.
 */
package io.loyaltyloop.broadleaf.events;
