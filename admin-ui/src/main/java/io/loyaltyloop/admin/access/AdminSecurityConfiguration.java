package io.loyaltyloop.admin.access;

import io.loyaltyloop.shop.ShopService;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.csrf.CsrfFilter;

/**
 * Spring Security for the admin, and only for it: the one filter chain matches {@code /admin/**}.
 * Every other path (webhooks, {@code /shopify/session}, the app proxy, customer pages, feeds,
 * actuator, static files) matches no chain and passes through as if Spring Security were absent;
 * declaring this chain also switches off Boot's default chain, and the authentication provider bean
 * switches off Boot's generated default user.
 *
 * <p>Reads are for any signed-in user; every other method needs OWNER, so STAFF is read-only by
 * construction rather than by each controller remembering. Forms carry Spring Security's CSRF token;
 * requests with a bearer session token need none (the token is no ambient credential).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableWebSecurity
class AdminSecurityConfiguration {

    static final String LOGIN = "/admin/login";

    @Bean
    SecurityFilterChain adminSecurity(
            HttpSecurity http,
            Optional<ShopSessions> sessions,
            ShopService shops,
            AuthenticationProvider accounts,
            AdminAccounts adminAccounts)
            throws Exception {
        return http.securityMatcher("/admin", "/admin/**")
                .authorizeHttpRequests(requests -> requests.requestMatchers(
                                LOGIN, SessionTokenBounce.PATH, "/admin/assets/**")
                        .permitAll()
                        // A signed, five-minute link to one export authorizes itself (CustomerExportController).
                        .requestMatchers(HttpMethod.GET, "/admin/customers/exports/*")
                        .permitAll()
                        .requestMatchers(HttpMethod.GET, "/admin", "/admin/**")
                        .authenticated()
                        // Everyone changes their own password; the controller takes the account from the login.
                        .requestMatchers(HttpMethod.POST, AccountsController.PATH + "/password")
                        .authenticated()
                        .anyRequest()
                        .hasAuthority(AdminRole.OWNER.authority()))
                .authenticationProvider(accounts)
                .formLogin(form -> form.loginPage(LOGIN)
                        .usernameParameter("email")
                        .authenticationDetailsSource(AccountAuthenticationProvider.detailsSource())
                        .defaultSuccessUrl("/admin", true)
                        .failureUrl(LOGIN + "?error"))
                .logout(logout -> logout.logoutUrl("/admin/logout").logoutSuccessUrl(LOGIN + "?logout"))
                .csrf(csrf -> csrf.csrfTokenRepository(new EmbeddedCsrfTokens())
                        // Signed in by a session token (header, or the preview's form field): no ambient credential.
                        .ignoringRequestMatchers(EmbeddedSessionFilter::isEmbedded))
                // Framing is governed by CSP frame-ancestors (EmbeddedSessionFilter): Shopify admin must frame us.
                .headers(headers -> headers.frameOptions(frame -> frame.disable()))
                .exceptionHandling(errors -> errors.defaultAuthenticationEntryPointFor(
                                new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED), AdminSecurityConfiguration::isHtmx)
                        .defaultAuthenticationEntryPointFor(
                                new LoginUrlAuthenticationEntryPoint(LOGIN), request -> true))
                .addFilterBefore(new EmbeddedSessionFilter(sessions, shops), CsrfFilter.class)
                .addFilterBefore(new StandaloneAccountCheck(adminAccounts), AuthorizationFilter.class)
                .build();
    }

    /** htmx cannot follow a login redirect into its target; it gets a 401 and admin.js reloads the page. */
    private static boolean isHtmx(HttpServletRequest request) {
        return "true".equals(request.getHeader("HX-Request"));
    }
}
