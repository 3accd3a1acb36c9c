package io.loyaltyloop.shopify.auth;

import io.loyaltyloop.admin.access.InvalidShopSessionException;
import io.loyaltyloop.admin.access.ShopSessions;
import io.loyaltyloop.shopify.ShopifyProperties;
import java.time.Clock;
import org.springframework.stereotype.Component;

/**
 * The admin's {@link ShopSessions} port, on the same session token checks as {@code /shopify/session}.
 * While Shopify is not configured every token is refused, so the embedded admin is closed and only
 * the standalone login works.
 */
@Component
class AdminShopSessions implements ShopSessions {

    private final SessionTokenVerifier verifier;
    private final String apiKey;

    AdminShopSessions(ShopifyProperties properties, Clock clock) {
        boolean configured = properties.configured()
                && properties.apiKey() != null
                && !properties.apiKey().isBlank();
        this.verifier =
                configured ? new SessionTokenVerifier(properties.apiKey(), properties.webhookSecrets(), clock) : null;
        this.apiKey = properties.apiKey();
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
    public String apiKey() {
        return apiKey;
    }
}
