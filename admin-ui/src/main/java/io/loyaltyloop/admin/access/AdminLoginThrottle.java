package io.loyaltyloop.admin.access;

import static io.loyaltyloop.db.Tables.ADMIN_LOGIN_THROTTLE;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.val;
import static org.jooq.impl.DSL.when;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.springframework.stereotype.Component;

/**
 * Slows password guessing on the standalone login: 5 failures for one (store, email) within 15
 * minutes lock that pair for 15 minutes, and 50 failures from one client address lock the address.
 * A locked attempt gets the same answer as a wrong password, even with the right one. The counts live
 * in {@code admin_login_throttle}, so they hold across instances; keys are SHA-256 hashes, and an
 * unknown store or email is counted like a real one, so the lock says nothing about which accounts
 * exist. A success clears its (store, email) count, not its address's.
 */
@Component
class AdminLoginThrottle {

    static final int ACCOUNT_FAILURES = 5;
    static final int ADDRESS_FAILURES = 50;
    static final Duration WINDOW = Duration.ofMinutes(15);
    static final Duration LOCK = Duration.ofMinutes(15);

    private final DSLContext dsl;
    private final Clock clock;

    AdminLoginThrottle(DSLContext dsl, Clock clock) {
        this.dsl = dsl;
        this.clock = clock;
    }

    /** Whether attempts for this store and email, or from this address, are locked now. */
    boolean locked(String store, String email, String address) {
        return dsl.fetchExists(dsl.selectOne()
                .from(ADMIN_LOGIN_THROTTLE)
                .where(ADMIN_LOGIN_THROTTLE.THROTTLE_KEY.in(account(store, email), address(address)))
                .and(ADMIN_LOGIN_THROTTLE.LOCKED_UNTIL.gt(now())));
    }

    /** Counts a failed attempt against the (store, email) and the address; locks either at its limit. */
    void failed(String store, String email, String address) {
        OffsetDateTime now = now();
        dsl.deleteFrom(ADMIN_LOGIN_THROTTLE)
                .where(ADMIN_LOGIN_THROTTLE.WINDOW_STARTED_AT.le(now.minus(WINDOW)))
                .and(ADMIN_LOGIN_THROTTLE.LOCKED_UNTIL.isNull().or(ADMIN_LOGIN_THROTTLE.LOCKED_UNTIL.le(now)))
                .execute();
        count(account(store, email), ACCOUNT_FAILURES, now);
        count(address(address), ADDRESS_FAILURES, now);
    }

    /** A successful login: the (store, email) starts again from zero. */
    void succeeded(String store, String email) {
        dsl.deleteFrom(ADMIN_LOGIN_THROTTLE)
                .where(ADMIN_LOGIN_THROTTLE.THROTTLE_KEY.eq(account(store, email)))
                .execute();
    }

    /**
     * One upsert, so concurrent failures on any instance each count. A window older than {@link
     * #WINDOW} starts again at 1; reaching the limit locks for {@link #LOCK}, and failures while
     * locked do not push the end of the lock further.
     */
    private void count(byte[] key, int limit, OffsetDateTime now) {
        var t = ADMIN_LOGIN_THROTTLE;
        Condition expired = t.WINDOW_STARTED_AT.le(now.minus(WINDOW));
        Field<Integer> next = when(expired, inline(1)).otherwise(t.FAILURES.plus(1));
        dsl.insertInto(t)
                .set(t.THROTTLE_KEY, key)
                .set(t.FAILURES, 1)
                .set(t.WINDOW_STARTED_AT, now)
                .set(t.LOCKED_UNTIL, limit <= 1 ? now.plus(LOCK) : null)
                .onConflict(t.THROTTLE_KEY)
                .doUpdate()
                .set(t.FAILURES, next)
                .set(t.WINDOW_STARTED_AT, when(expired, val(now)).otherwise(t.WINDOW_STARTED_AT))
                .set(
                        t.LOCKED_UNTIL,
                        when(
                                        next.ge(limit)
                                                .and(t.LOCKED_UNTIL.isNull().or(t.LOCKED_UNTIL.le(now))),
                                        val(now.plus(LOCK)))
                                .otherwise(t.LOCKED_UNTIL))
                .execute();
    }

    private OffsetDateTime now() {
        return clock.instant().atOffset(ZoneOffset.UTC);
    }

    private static byte[] account(String store, String email) {
        return sha256("account\0" + normalize(store) + "\0" + normalize(email));
    }

    private static byte[] address(String address) {
        return sha256("address\0" + normalize(address));
    }

    private static String normalize(String value) {
        return value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
