/** The Broadleaf Commerce module: checkout and fulfillment hooks, a durable outbox to the backend. */
package io.loyaltyloop.broadleaf;
