/**
 * Shopify's payloads (webhook bodies and bulk-operation JSONL) turned into the engine's lifecycle
 * events.
 */
package io.loyaltyloop.shopify.mapping;
