package io.loyaltyloop.storefront.testpage;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Switches the storefront test page and its stand-in app proxy on. Off in production: the stand-in
 * signs requests with the app's secret for any customer id the visitor picks.
 *
 * @param enabled whether {@code /storefront-test/**} and {@code /apps/loyalty/**} answer at all
 */
@ConfigurationProperties("loyalty.storefront.test-page")
record StorefrontTestPageProperties(boolean enabled) {}
