/**
 * The Shopify edge: verified webhook deliveries stored in the inbox, and their payloads turned into
 * the engine's lifecycle events.
 */
package io.loyaltyloop.shopify;
