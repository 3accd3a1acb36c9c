package io.loyaltyloop.admin.access;

import io.loyaltyloop.shop.ShopService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AuthenticationProvider;

/**
 * The standalone login's authentication provider, also outside a web application (operator
 * commands): as a bean it keeps Boot from creating its default in-memory user with a generated
 * password, which would otherwise be logged at every start.
 */
@Configuration(proxyBeanMethods = false)
class AdminAccessConfiguration {

    @Bean
    AuthenticationProvider adminAccountAuthentication(
            AdminAccounts accounts, ShopService shops, AdminLoginThrottle throttle) {
        return new AccountAuthenticationProvider(accounts, shops, throttle);
    }
}
