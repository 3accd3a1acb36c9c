/**
 * Install and sessions: App Bridge session tokens, the OAuth install, token exchange and the
 * encrypted offline access tokens.
 */
package io.loyaltyloop.shopify.auth;
