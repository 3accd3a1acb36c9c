/** What the shop's storefront asks of us through Shopify's signed app proxy. */
package io.loyaltyloop.storefront;
