package io.loyaltyloop.shopify.auth;

import static io.loyaltyloop.db.Tables.SHOP_ACCESS_TOKEN;

import io.loyaltyloop.db.tables.records.ShopAccessTokenRecord;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.jooq.DSLContext;

/** The {@code shop_access_token} rows; values arrive and leave already encrypted. */
class AccessTokenRepository {

    private final DSLContext dsl;

    AccessTokenRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    Optional<ShopAccessTokenRecord> find(long shopId) {
        return dsl.selectFrom(SHOP_ACCESS_TOKEN)
                .where(SHOP_ACCESS_TOKEN.SHOP_ID.eq(shopId))
                .fetchOptional();
    }

    /**
     * The row, locked until the caller's transaction ends: the one place a shop's refresh happens,
     * so callers on any instance queue here and the first one's new pair is what the others read.
     */
    void delete(long shopId) {
        dsl.deleteFrom(SHOP_ACCESS_TOKEN)
                .where(SHOP_ACCESS_TOKEN.SHOP_ID.eq(shopId))
                .execute();
    }

    Optional<ShopAccessTokenRecord> lock(long shopId) {
        return dsl.selectFrom(SHOP_ACCESS_TOKEN)
                .where(SHOP_ACCESS_TOKEN.SHOP_ID.eq(shopId))
                .forUpdate()
                .fetchOptional();
    }

    void save(
            long shopId,
            byte[] accessToken,
            byte[] refreshToken,
            String scope,
            Instant accessExpiresAt,
            Instant refreshExpiresAt,
            Instant now) {
        dsl.insertInto(SHOP_ACCESS_TOKEN)
                .set(SHOP_ACCESS_TOKEN.SHOP_ID, shopId)
                .set(SHOP_ACCESS_TOKEN.ACCESS_TOKEN, accessToken)
                .set(SHOP_ACCESS_TOKEN.REFRESH_TOKEN, refreshToken)
                .set(SHOP_ACCESS_TOKEN.SCOPE, scope)
                .set(SHOP_ACCESS_TOKEN.ACCESS_EXPIRES_AT, utc(accessExpiresAt))
                .set(SHOP_ACCESS_TOKEN.REFRESH_EXPIRES_AT, utc(refreshExpiresAt))
                .set(SHOP_ACCESS_TOKEN.UPDATED_AT, utc(now))
                .onConflict(SHOP_ACCESS_TOKEN.SHOP_ID)
                .doUpdate()
                .set(SHOP_ACCESS_TOKEN.ACCESS_TOKEN, accessToken)
                .set(SHOP_ACCESS_TOKEN.REFRESH_TOKEN, refreshToken)
                .set(SHOP_ACCESS_TOKEN.SCOPE, scope)
                .set(SHOP_ACCESS_TOKEN.ACCESS_EXPIRES_AT, utc(accessExpiresAt))
                .set(SHOP_ACCESS_TOKEN.REFRESH_EXPIRES_AT, utc(refreshExpiresAt))
                .set(SHOP_ACCESS_TOKEN.UPDATED_AT, utc(now))
                .execute();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
