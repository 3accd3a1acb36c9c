/**
 * The Broadleaf Commerce edge: sites registered as shops ({@code site}), the signed wire both
 * directions use ({@code wire}), the event ingest and its inbox ({@code events}), the storefront's
 * server-to-server calls ({@code storefront}) and reward codes issued as Broadleaf offer codes
 * ({@code issuing}). The contract is {@code docs/broadleaf-wire.md}.
 */
package io.loyaltyloop.broadleaf;
