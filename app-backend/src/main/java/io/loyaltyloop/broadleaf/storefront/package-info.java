/**
 * The storefront's server-to-server calls from a Broadleaf site ({@code /broadleaf/v1/storefront/**}):
 * the site adds its signed-in customer's id and signs; the answers are the {@code /proxy/*} answers,
 * so the same widget runs on both platforms.
 */
package io.loyaltyloop.broadleaf.storefront;
