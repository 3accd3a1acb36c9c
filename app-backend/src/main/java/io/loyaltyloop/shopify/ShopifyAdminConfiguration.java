package io.loyaltyloop.shopify;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/**
 * Binds and validates {@code loyalty.shopify.admin.*} at startup. The {@link ShopifyAdminClient}
 * bean arrives with the token store ({@link AccessTokens}) in the install flow; until then a bad
 * setting still fails the start instead of the first reward.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ShopifyAdminProperties.class)
class ShopifyAdminConfiguration {}
