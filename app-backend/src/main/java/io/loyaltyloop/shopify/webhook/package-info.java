/**
 * The webhook edge: verified deliveries stored in the inbox, then handed by the inbox worker to the
 * mapping or to the shop lifecycle handlers.
 */
package io.loyaltyloop.shopify.webhook;
