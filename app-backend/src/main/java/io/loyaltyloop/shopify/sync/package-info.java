/**
 * Loyalty state pushed to Shopify: reward discount codes issued for redemptions and the points
 * balance mirrored on customers.
 */
package io.loyaltyloop.shopify.sync;
