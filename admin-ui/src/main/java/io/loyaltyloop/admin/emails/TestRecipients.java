package io.loyaltyloop.admin.emails;

import io.loyaltyloop.admin.access.AdminUser;
import io.loyaltyloop.shop.ShopService;
import java.util.Optional;

/**
 * Where a test email goes: never an address from the request (the editor would be an open relay),
 * only the signed-in account's own address (standalone) or the shop's contact email (embedded, where
 * the Shopify staff user's address is not known to us).
 */
final class TestRecipients {

    private static final String ACCOUNT_ACTOR = "admin:";

    private TestRecipients() {}

    static Optional<String> of(AdminUser user, ShopService shops) {
        if (!user.embedded() && user.actor().startsWith(ACCOUNT_ACTOR)) {
            return Optional.of(user.actor().substring(ACCOUNT_ACTOR.length()));
        }
        return shops.contactEmail(user.shop());
    }

    /** Said next to the button, so the merchant knows where to look. */
    static String describe(AdminUser user) {
        return user.embedded() || !user.actor().startsWith(ACCOUNT_ACTOR)
                ? "the shop's contact email"
                : user.actor().substring(ACCOUNT_ACTOR.length());
    }
}
