package io.loyaltyloop.shopify;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds the Shopify settings; the edge's beans are found by component scanning. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ShopifyProperties.class)
class ShopifyConfiguration {}
