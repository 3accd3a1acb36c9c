package io.loyaltyloop.shopify.auth;

import io.loyaltyloop.shop.ShopService;
import io.loyaltyloop.shopify.ShopifyProperties;
import io.loyaltyloop.shopify.admin.AdminSleeper;
import io.loyaltyloop.shopify.admin.ShopifyAdminProperties;
import io.loyaltyloop.shopify.importing.OrderImportRepository;
import io.loyaltyloop.system.AccessTokenCipher;
import java.time.Clock;
import org.jooq.DSLContext;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Install and sessions: session tokens, token exchange, the encrypted token store. */
@Configuration(proxyBeanMethods = false)
class ShopifyInstallConfiguration {

    /** Blank is allowed, so the backend starts without it; a set but malformed key fails the start. */
    @Bean
    AccessTokenCipher accessTokenCipher(@Value("${loyalty.shopify.token-key:}") String key) {
        return AccessTokenCipher.fromBase64(key);
    }

    @Bean
    TokenExchangeClient tokenExchangeClient(ShopifyProperties properties, Clock clock) {
        return new TokenExchangeClient(
                properties.apiKey(), properties.apiSecret(), properties.shopOriginTemplate(), clock);
    }

    @Bean
    AccessTokenStore accessTokenStore(
            DSLContext dsl, ShopService shops, AccessTokenCipher cipher, TokenExchangeClient shopify, Clock clock) {
        return new AccessTokenStore(dsl, shops, cipher, shopify, clock);
    }

    @Bean
    ShopInstaller shopInstaller(
            DSLContext dsl,
            ShopService shops,
            AccessTokenStore tokens,
            TokenExchangeClient shopify,
            ShopifyAdminProperties admin,
            OrderImportRepository imports,
            Clock clock) {
        return new ShopInstaller(
                dsl, shops, tokens, shopify, new ShopDetailsReader(admin, AdminSleeper.REAL), imports, clock);
    }
}
