/**
 * The platform-neutral order-lifecycle events that the host edges (Shopify webhooks, Broadleaf hooks)
 * translate into. Each carries a unique source event id; each validates itself on construction, so an
 * invalid event never reaches the engine.
 */
package io.loyaltyloop.lifecycle;
