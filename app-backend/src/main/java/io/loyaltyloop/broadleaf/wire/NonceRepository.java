package io.loyaltyloop.broadleaf.wire;

import static io.loyaltyloop.db.Tables.BROADLEAF_NONCE;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

/**
 * Nonces seen per site ({@code broadleaf_nonce}). A nonce is unused when it has no row, or its row is
 * older than {@link #REMEMBERED} (not pruned yet): such a request's timestamp, which the signature
 * covers, is too old by then anyway.
 */
@Repository
class NonceRepository {

    /** Twice the clock skew allowed on either side, so no still-valid request is forgotten. */
    static final Duration REMEMBERED = Duration.ofMinutes(10);

    private final DSLContext dsl;

    NonceRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Records the nonce; false when it was already used within {@link #REMEMBERED}. */
    boolean claim(long shopId, String nonce, Instant now) {
        OffsetDateTime seen = at(now);
        return dsl.insertInto(BROADLEAF_NONCE)
                        .set(BROADLEAF_NONCE.SHOP_ID, shopId)
                        .set(BROADLEAF_NONCE.NONCE, nonce)
                        .set(BROADLEAF_NONCE.SEEN_AT, seen)
                        .onConflict(BROADLEAF_NONCE.SHOP_ID, BROADLEAF_NONCE.NONCE)
                        .doUpdate()
                        .set(BROADLEAF_NONCE.SEEN_AT, seen)
                        .where(BROADLEAF_NONCE.SEEN_AT.lt(at(now.minus(REMEMBERED))))
                        .execute()
                == 1;
    }

    /** Deletes the nonces no request can reuse any more; returns how many. */
    int prune(Instant now) {
        return dsl.deleteFrom(BROADLEAF_NONCE)
                .where(BROADLEAF_NONCE.SEEN_AT.lt(at(now.minus(REMEMBERED))))
                .execute();
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
