/**
 * The Shopify edge: the app's settings and signature shared by its parts, which live in the
 * subpackages (webhook, auth, admin, mapping, importing, sync).
 */
package io.loyaltyloop.shopify;
