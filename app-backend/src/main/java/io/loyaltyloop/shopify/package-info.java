/** The Shopify edge: turns verified webhook deliveries into the engine's lifecycle events. */
package io.loyaltyloop.shopify;
