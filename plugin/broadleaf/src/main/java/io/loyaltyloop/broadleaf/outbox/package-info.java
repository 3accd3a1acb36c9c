/** The durable outbox in the site's own database and the background sender that empties it. */
package io.loyaltyloop.broadleaf.outbox;
