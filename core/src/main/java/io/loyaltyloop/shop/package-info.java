/** Tenants (Shopify shops, Broadleaf sites) and their loyalty program settings. */
package io.loyaltyloop.shop;
