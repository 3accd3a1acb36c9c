package io.loyaltyloop.shopify.admin;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Binds and validates {@code loyalty.shopify.admin.*} at startup, so a bad setting fails the start
 * instead of the first reward, and makes the Admin client on the encrypted token store.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ShopifyAdminProperties.class)
class ShopifyAdminConfiguration {

    @Bean
    ShopifyAdminClient shopifyAdminClient(ShopifyAdminProperties properties, AccessTokens tokens) {
        return new ShopifyAdminClient(properties, tokens, AdminSleeper.REAL);
    }
}
