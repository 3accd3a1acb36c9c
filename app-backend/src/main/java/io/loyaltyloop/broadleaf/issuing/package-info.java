/**
 * Reward codes for Broadleaf sites: the backend asks the site to create a single-use offer code
 * ({@code POST {site}/loyalty-loop/offer-codes}, signed), through the same issuer, schedule and
 * retry rules as Shopify's discount codes.
 */
package io.loyaltyloop.broadleaf.issuing;
