/**
 * Who is using the admin and for which shop. Two ways in, both ending in an {@link
 * io.loyaltyloop.admin.access.AdminUser} in Spring Security's context: an App Bridge session token
 * (embedded in Shopify admin, checked through the {@link io.loyaltyloop.admin.access.ShopSessions}
 * port that app-backend implements), or a form login with a local {@code admin_account}. The shop
 * comes only from that principal, never from a request parameter.
 */
package io.loyaltyloop.admin.access;
