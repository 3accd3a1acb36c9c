/**
 * The signed wire between the backend and Broadleaf sites, both directions: the string to sign,
 * HMAC-SHA256 with the site's secret, the checks every {@code /broadleaf/v1/**} request passes
 * ({@link io.loyaltyloop.broadleaf.wire.SignedRequests}) and the headers of the backend's own calls.
 */
package io.loyaltyloop.broadleaf.wire;
