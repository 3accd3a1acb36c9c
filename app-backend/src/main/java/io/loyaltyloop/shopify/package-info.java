/** The Shopify edge: verified webhook deliveries into the inbox that the worker drains. */
package io.loyaltyloop.shopify;
