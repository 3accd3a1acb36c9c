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

    AccountAuthenticationProvider(AdminAccounts accounts, ShopService shops) {
        this.accounts = accounts;
        this.shops = shops;
    }

    /** Captures the login form's store field next to the email and password. */
    static AuthenticationDetailsSource<HttpServletRequest, LoginDetails> detailsSource() {
        return request -> new LoginDetails(request.getParameter("shop"));
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String storeKey = authentication.getDetails() instanceof LoginDetails details ? details.shop() : null;
        Optional<Shop> shop = StoreKeys.find(shops, storeKey);
        String email = authentication.getName();
        String password = String.valueOf(authentication.getCredentials());
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

    /** @param shop the store key typed into the login form */
    record LoginDetails(String shop) {}
}
