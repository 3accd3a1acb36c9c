/**
 * A storefront for tests and the demo, off unless {@code loyalty.storefront.test-page.enabled}: a
 * page that renders the theme app extension's real Liquid blocks ({@code plugin/shopify/extensions/
 * loyalty-loop}, copied onto the classpath by the build) with Shopify-like objects, serves their
 * assets, and stands in for Shopify's app proxy at {@code /apps/loyalty/**} by signing and
 * forwarding to {@code /proxy/**} like Shopify does.
 */
package io.loyaltyloop.storefront.testpage;
