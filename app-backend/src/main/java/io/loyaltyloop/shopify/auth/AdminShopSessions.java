package io.loyaltyloop.shopify.auth;

import io.loyaltyloop.admin.access.InvalidShopSessionException;
import io.loyaltyloop.admin.access.ShopInstallException;
import io.loyaltyloop.admin.access.ShopSessions;
import io.loyaltyloop.shop.Shop;
import io.loyaltyloop.shopify.ShopifyProperties;
import io.loyaltyloop.shopify.admin.ShopifyAdminException;
import io.loyaltyloop.system.TokenStorageUnavailableException;
import java.time.Clock;
import org.springframework.stereotype.Component;

/**
 * The admin's {@link ShopSessions} port, on the same session token checks and the same {@link
 * ShopInstaller} as {@code /shopify/session}. While Shopify is not configured every token is refused,
 * so the embedded admin is closed and only the standalone login works.
 */
@Component
class AdminShopSessions implements ShopSessions {

    private final SessionTokenVerifier verifier;
    private final ShopInstaller installer;
    private final String apiKey;
    private final String appUrl;

    AdminShopSessions(ShopifyProperties properties, Clock clock, ShopInstaller installer) {
        boolean configured = properties.configured()
                && properties.apiKey() != null
                && !properties.apiKey().isBlank();
        this.verifier =
                configured ? new SessionTokenVerifier(properties.apiKey(), properties.webhookSecrets(), clock) : null;
        this.installer = installer;
        this.apiKey = properties.apiKey();
        this.appUrl = properties.appUrl() == null || properties.appUrl().isBlank()
                ? null
                : properties.appUrl().replaceAll("/+$", "");
    }

    @Override
    public VerifiedSession verify(String sessionToken) {
        if (verifier == null) {
            throw new InvalidShopSessionException("Shopify is not configured", null);
        }
        try {
            SessionToken token = verifier.verify(sessionToken);
            return new VerifiedSession(token.shop(), token.user());
        } catch (InvalidSessionTokenException e) {
            throw new InvalidShopSessionException(e.getMessage(), e);
        }
    }

    @Override
    public Shop install(VerifiedSession session, String sessionToken) {
        try {
            return installer.install(new SessionToken(session.shopDomain(), session.user()), sessionToken);
        } catch (TokenExchangeException e) {
            // 4xx: Shopify refused the token we had verified (revoked app, clock far off); a fresh one may pass.
            var failure =
                    e.rejected() ? ShopInstallException.Failure.REFUSED : ShopInstallException.Failure.UNREACHABLE;
            throw new ShopInstallException(failure, e.getMessage(), e);
        } catch (ShopifyAdminException e) {
            throw new ShopInstallException(ShopInstallException.Failure.UNREACHABLE, e.getMessage(), e);
        } catch (TokenStorageUnavailableException e) {
            throw new ShopInstallException(ShopInstallException.Failure.UNAVAILABLE, e.getMessage(), e);
        }
    }

    @Override
    public String apiKey() {
        return apiKey;
    }

    @Override
    public String appUrl() {
        return appUrl;
    }
}
