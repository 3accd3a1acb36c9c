package io.loyaltyloop.shopify.auth;

import io.loyaltyloop.shop.NewShop;
import io.loyaltyloop.shop.Platform;
import io.loyaltyloop.shop.Shop;
import io.loyaltyloop.shop.ShopService;
import io.loyaltyloop.shopify.importing.OrderImportRepository;
import io.loyaltyloop.shopify.importing.OrderImportStarter;
import io.loyaltyloop.system.TokenStorageUnavailableException;
import io.loyaltyloop.system.Transactions;
import java.time.Clock;
import java.util.Optional;
import org.jooq.DSLContext;

/**
 * The embedded admin's first load after Shopify installed the app: exchange the session token for
 * an offline token pair, register the shop, store the pair, and ask for the historical orders import
 * ({@link OrderImportStarter} starts it). Later loads find both and do nothing. The
 * authorization-code grant ends here too, with a code instead of a session token.
 */
class ShopInstaller {

    private final ShopService shops;
    private final AccessTokenStore tokens;
    private final TokenExchangeClient shopify;
    private final ShopDetailsReader details;
    private final OrderImportRepository imports;
    private final Clock clock;
    private final Transactions transactions;

    ShopInstaller(
            DSLContext dsl,
            ShopService shops,
            AccessTokenStore tokens,
            TokenExchangeClient shopify,
            ShopDetailsReader details,
            OrderImportRepository imports,
            Clock clock) {
        this.shops = shops;
        this.tokens = tokens;
        this.shopify = shopify;
        this.details = details;
        this.imports = imports;
        this.clock = clock;
        this.transactions = new Transactions(dsl);
    }

    /**
     * @param session the verified session token
     * @param rawToken the same token as sent, which Shopify takes as the exchange's subject
     */
    Shop install(SessionToken session, String rawToken) {
        requireStorage();
        Optional<Shop> existing = shops.findShop(Platform.SHOPIFY, session.shop());
        if (existing.isPresent()
                && existing.get().active()
                && tokens.hasToken(existing.get().id())) {
            return existing.get();
        }
        return register(session.shop(), existing, shopify.exchange(session.shop(), rawToken));
    }

    /**
     * The authorization-code grant's end: always redeems the code, as the merchant has just granted
     * the app (perhaps other scopes), and keeps the pair it gives.
     *
     * @param shop the shop of a verified OAuth callback
     */
    Shop installWithCode(String shop, String authorizationCode) {
        requireStorage();
        Optional<Shop> existing = shops.findShop(Platform.SHOPIFY, shop);
        return register(shop, existing, shopify.redeem(shop, authorizationCode));
    }

    private void requireStorage() {
        if (!tokens.available()) {
            // Before calling Shopify: a token we could not store would be wasted.
            throw new TokenStorageUnavailableException();
        }
    }

    private Shop register(String domain, Optional<Shop> existing, IssuedTokens issued) {
        // A reinstall after app/uninstalled finds the shop inactive: registering it again reactivates it.
        boolean active = existing.isPresent() && existing.get().active();
        // Read before anything is written, so a failure leaves no shop without a token.
        NewShop newShop = active ? null : details.read(domain, issued.accessToken());
        return transactions.inTransaction(() -> {
            Shop shop = active ? existing.get() : shops.register(newShop);
            tokens.store(shop.id(), issued);
            if (existing.isEmpty()) {
                // In the same transaction: a shop is never registered without its import asked for.
                // A reinstall (the shop row survived) imports nothing again: its orders are known.
                imports.request(shop.id().value(), clock.instant());
            }
            return shop;
        });
    }
}
