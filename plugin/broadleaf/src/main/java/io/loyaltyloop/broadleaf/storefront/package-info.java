/** The storefront widget inside Broadleaf's Thymeleaf pages: the Shopify widget's markup, script and texts. */
package io.loyaltyloop.broadleaf.storefront;
