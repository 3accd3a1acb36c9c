package io.loyaltyloop.broadleaf.site;

import static io.loyaltyloop.db.Tables.BROADLEAF_SITE;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.jooq.DSLContext;

/** {@code broadleaf_site}: each site's base URL and encrypted secrets. */
class SiteRepository {

    /** A site's row, secrets still encrypted. */
    record StoredSite(
            long shopId,
            String baseUrl,
            byte[] secret,
            byte[] previousSecret,
            Instant previousValidUntil,
            Instant rotatedAt) {}

    private final DSLContext dsl;

    SiteRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    Optional<StoredSite> find(long shopId) {
        return dsl.selectFrom(BROADLEAF_SITE)
                .where(BROADLEAF_SITE.SHOP_ID.eq(shopId))
                .fetchOptional(r -> new StoredSite(
                        r.getShopId(),
                        r.getBaseUrl(),
                        r.getSecret(),
                        r.getPreviousSecret(),
                        r.getPreviousValidUntil() == null
                                ? null
                                : r.getPreviousValidUntil().toInstant(),
                        r.getRotatedAt().toInstant()));
    }

    /** Inserts the site's row, or returns false when the shop already has one. */
    boolean insert(long shopId, String baseUrl, byte[] secret, Instant now) {
        return dsl.insertInto(BROADLEAF_SITE)
                        .set(BROADLEAF_SITE.SHOP_ID, shopId)
                        .set(BROADLEAF_SITE.BASE_URL, baseUrl)
                        .set(BROADLEAF_SITE.SECRET, secret)
                        .set(BROADLEAF_SITE.ROTATED_AT, at(now))
                        .onConflictDoNothing()
                        .execute()
                == 1;
    }

    /** Replaces the secret; the old one stays valid until {@code previousValidUntil}. */
    void rotate(long shopId, byte[] secret, byte[] previous, Instant previousValidUntil, Instant now) {
        dsl.update(BROADLEAF_SITE)
                .set(BROADLEAF_SITE.SECRET, secret)
                .set(BROADLEAF_SITE.PREVIOUS_SECRET, previous)
                .set(BROADLEAF_SITE.PREVIOUS_VALID_UNTIL, previous == null ? null : at(previousValidUntil))
                .set(BROADLEAF_SITE.ROTATED_AT, at(now))
                .where(BROADLEAF_SITE.SHOP_ID.eq(shopId))
                .execute();
    }

    void updateUrl(long shopId, String baseUrl) {
        dsl.update(BROADLEAF_SITE)
                .set(BROADLEAF_SITE.BASE_URL, baseUrl)
                .where(BROADLEAF_SITE.SHOP_ID.eq(shopId))
                .execute();
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
