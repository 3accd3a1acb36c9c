/**
 * Reviews published in Loyalty Loop written to a Broadleaf site's own ratings ({@code POST
 * {site}/loyalty-loop/reviews}, signed), marked by a trigger when published and pushed by a sweep
 * with lease and backoff.
 */
package io.loyaltyloop.broadleaf.reviews;
