package io.loyaltyloop.shopify;

import io.loyaltyloop.storefront.AppProxySignature;
import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Binds the Shopify settings; the edge's beans are found by component scanning. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ShopifyProperties.class)
class ShopifyConfiguration {

    /** App proxy requests are signed with the app's secret, like webhooks (and rotate with it). */
    @Bean
    AppProxySignature appProxySignature(ShopifyProperties properties, Clock clock) {
        return new AppProxySignature(properties.webhookSecrets(), clock);
    }
}
