/**
 * The Admin GraphQL client: one document per operation, per-shop throttling, and Shopify's errors
 * as exceptions.
 */
package io.loyaltyloop.shopify.admin;
