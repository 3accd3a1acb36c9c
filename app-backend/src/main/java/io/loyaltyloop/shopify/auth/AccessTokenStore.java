package io.loyaltyloop.shopify.auth;

import io.loyaltyloop.db.tables.records.ShopAccessTokenRecord;
import io.loyaltyloop.shop.Platform;
import io.loyaltyloop.shop.ShopId;
import io.loyaltyloop.shop.ShopService;
import io.loyaltyloop.shopify.admin.AccessTokens;
import io.loyaltyloop.system.AccessTokenCipher;
import io.loyaltyloop.system.Transactions;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.jooq.DSLContext;

/**
 * Each shop's offline Admin token pair, encrypted at rest, refreshed before it runs out.
 *
 * <p>A refresh replaces the refresh token, so two concurrent refreshes would race to spend it. Every
 * refresh therefore happens under the shop's row lock, and a caller that waited for the lock first
 * re-reads the row: if another caller (on any backend instance) refreshed meanwhile, it uses that.
 */
public class AccessTokenStore implements AccessTokens {

    /** Refresh this long before expiry, so a token never runs out in the middle of a job's calls. */
    static final Duration REFRESH_AHEAD = Duration.ofMinutes(5);

    private final AccessTokenRepository tokens;
    private final ShopService shops;
    private final AccessTokenCipher cipher;
    private final TokenExchangeClient shopify;
    private final Transactions transactions;
    private final Clock clock;

    AccessTokenStore(
            DSLContext dsl, ShopService shops, AccessTokenCipher cipher, TokenExchangeClient shopify, Clock clock) {
        this.tokens = new AccessTokenRepository(dsl);
        this.shops = shops;
        this.cipher = cipher;
        this.shopify = shopify;
        this.transactions = new Transactions(dsl);
        this.clock = clock;
    }

    /**
     * Drops the shop's tokens: Shopify revokes them on uninstall, and a reinstall must exchange a
     * new session token instead of reusing a dead one.
     */
    public void forget(ShopId shop) {
        tokens.delete(shop.value());
    }

    boolean available() {
        return cipher.available();
    }

    /** Stores a newly issued pair, replacing any earlier one; joins the caller's transaction. */
    void store(ShopId shop, IssuedTokens issued) {
        if (issued.refreshToken() != null && issued.accessExpiresAt() == null) {
            throw new IllegalArgumentException("a refresh token comes with an expiring access token");
        }
        tokens.save(
                shop.value(),
                cipher.encrypt(shop.value(), issued.accessToken()),
                issued.refreshToken() == null ? null : cipher.encrypt(shop.value(), issued.refreshToken()),
                issued.scope(),
                issued.accessExpiresAt(),
                issued.refreshExpiresAt(),
                clock.instant());
    }

    boolean hasToken(ShopId shop) {
        return tokens.find(shop.value()).isPresent();
    }

    /** The shop's access token, refreshed first if it expires within {@link #REFRESH_AHEAD}. */
    @Override
    public String forShop(String shop) {
        long id = shopId(shop);
        ShopAccessTokenRecord row = tokens.find(id).orElseThrow(() -> notInstalled(shop));
        if (fresh(row)) {
            return cipher.decrypt(id, row.getAccessToken());
        }
        return transactions.inTransaction(() -> {
            ShopAccessTokenRecord locked = tokens.lock(id).orElseThrow(() -> notInstalled(shop));
            if (fresh(locked)) {
                return cipher.decrypt(id, locked.getAccessToken());
            }
            return refreshLocked(shop, id, locked);
        });
    }

    /**
     * Shopify refused a token (401): refresh now, whatever its expiry says. Concurrent callers that
     * all saw the 401 queue on the row lock; the first refreshes, the others find a token that is
     * not the one refused and take it, so the refresh token is spent once.
     */
    @Override
    public String refresh(String shop, String rejectedToken) {
        long id = shopId(shop);
        return transactions.inTransaction(() -> {
            ShopAccessTokenRecord locked = tokens.lock(id).orElseThrow(() -> notInstalled(shop));
            String current = cipher.decrypt(id, locked.getAccessToken());
            if (!MessageDigest.isEqual(
                    current.getBytes(StandardCharsets.UTF_8), rejectedToken.getBytes(StandardCharsets.UTF_8))) {
                return current;
            }
            return refreshLocked(shop, id, locked);
        });
    }

    private String refreshLocked(String shop, long id, ShopAccessTokenRecord locked) {
        if (locked.getRefreshToken() == null) {
            // A non-expiring token that Shopify no longer takes (revoked, or past the 2027 cut-off).
            throw new AccessTokenUnavailableException(
                    shop + ": the token has no refresh token; the merchant must open the app");
        }
        OffsetDateTime refreshExpires = locked.getRefreshExpiresAt();
        if (refreshExpires != null && !refreshExpires.toInstant().isAfter(clock.instant())) {
            throw new AccessTokenUnavailableException(
                    shop + ": the refresh token expired at " + refreshExpires + "; the merchant must open the app");
        }
        IssuedTokens issued;
        try {
            issued = shopify.refresh(shop, cipher.decrypt(id, locked.getRefreshToken()));
        } catch (TokenExchangeException e) {
            throw new AccessTokenUnavailableException(shop + ": refreshing the access token failed", e);
        }
        store(new ShopId(id), issued);
        return issued.accessToken();
    }

    private boolean fresh(ShopAccessTokenRecord row) {
        OffsetDateTime expires = row.getAccessExpiresAt();
        Instant refreshBy = clock.instant().plus(REFRESH_AHEAD);
        return expires == null || expires.toInstant().isAfter(refreshBy);
    }

    private long shopId(String shop) {
        return shops.findShop(Platform.SHOPIFY, shop)
                .orElseThrow(() -> notInstalled(shop))
                .id()
                .value();
    }

    private static AccessTokenUnavailableException notInstalled(String shop) {
        return new AccessTokenUnavailableException(shop + " has no stored Admin API token");
    }
}
