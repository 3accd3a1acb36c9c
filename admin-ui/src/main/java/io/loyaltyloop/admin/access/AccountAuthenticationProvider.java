package io.loyaltyloop.admin.access;

import io.loyaltyloop.shop.Shop;
import io.loyaltyloop.shop.ShopService;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Optional;
import org.springframework.security.authentication.AuthenticationDetailsSource;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * The standalone login: store, email and password. The store field is only read here, to find the
 * account; after the login the shop comes from the account alone. Every failure — unknown store,
 * unknown email, wrong password, uninstalled shop — gives the same answer.
 */
class AccountAuthenticationProvider implements AuthenticationProvider {

    private final AdminAccounts accounts;
    private final ShopService shops;
    private final AdminLoginThrottle throttle;

    AccountAuthenticationProvider(AdminAccounts accounts, ShopService shops, AdminLoginThrottle throttle) {
        this.accounts = accounts;
        this.shops = shops;
        this.throttle = throttle;
    }

    /** Captures the login form's store field and the client's address next to the email and password. */
    static AuthenticationDetailsSource<HttpServletRequest, LoginDetails> detailsSource() {
        return request -> new LoginDetails(request.getParameter("shop"), request.getRemoteAddr());
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        LoginDetails details = authentication.getDetails() instanceof LoginDetails d ? d : new LoginDetails(null, null);
        String email = authentication.getName();
        String password = String.valueOf(authentication.getCredentials());
        if (throttle.locked(details.shop(), email, details.address())) {
            // The same answer, after the same bcrypt work, as a wrong password (LoginThrottleEvents counts it).
            accounts.checkNothing(password);
            throw new BadCredentialsException("bad credentials");
        }
        Optional<Shop> shop = StoreKeys.find(shops, details.shop());
        AdminAccount account = accounts.login(shop.map(Shop::id).orElse(null), email, password)
                .orElseThrow(() -> new BadCredentialsException("bad credentials"));
        AdminUser user = new AdminUser(
                account.shop().value(), shop.get().name(), "admin:" + account.email(), account.role(), null);
        return UsernamePasswordAuthenticationToken.authenticated(
                user, null, List.of(new SimpleGrantedAuthority(account.role().authority())));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    /**
     * @param shop the store key typed into the login form
     * @param address the client's address (behind a proxy, as {@code server.forward-headers-strategy} gives it)
     */
    record LoginDetails(String shop, String address) {}
}
