package io.loyaltyloop.shopify.sync;

import static io.loyaltyloop.db.Tables.REDEMPTION;
import static io.loyaltyloop.db.Tables.REDEMPTION_ISSUE;
import static io.loyaltyloop.db.Tables.SHOP;

import io.loyaltyloop.reward.RedemptionStatus;
import io.loyaltyloop.shop.Platform;
import io.loyaltyloop.shop.ShopId;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * The retry schedule of reward issuing ({@code redemption_issue}). Taking a redemption moves its
 * next attempt past a lease in one statement, with {@code skip locked}, so instances sweeping at the
 * same time take disjoint redemptions and a crashed instance's redemption comes back after the lease.
 */
class RedemptionIssueRepository {

    private final DSLContext dsl;

    RedemptionIssueRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** One taken redemption and the number of this attempt (1 = first). */
    record Claim(ShopId shop, long redemptionId, int attempt) {}

    /** Gives every RESERVED redemption of a shop on one of the platforms a schedule row, due now. */
    int enlist(Instant now, Set<Platform> platforms) {
        var issue = REDEMPTION_ISSUE.as("i");
        return dsl.insertInto(
                        REDEMPTION_ISSUE,
                        REDEMPTION_ISSUE.SHOP_ID,
                        REDEMPTION_ISSUE.REDEMPTION_ID,
                        REDEMPTION_ISSUE.NEXT_ATTEMPT_AT)
                .select(DSL.select(REDEMPTION.SHOP_ID, REDEMPTION.REDEMPTION_ID, DSL.val(at(now)))
                        .from(REDEMPTION)
                        .join(SHOP)
                        .on(SHOP.SHOP_ID.eq(REDEMPTION.SHOP_ID))
                        .where(REDEMPTION.STATUS.eq(RedemptionStatus.RESERVED.name()))
                        .and(SHOP.PLATFORM.in(
                                platforms.stream().map(Platform::name).toList()))
                        .andNotExists(DSL.selectOne()
                                .from(issue)
                                .where(issue.SHOP_ID.eq(REDEMPTION.SHOP_ID))
                                .and(issue.REDEMPTION_ID.eq(REDEMPTION.REDEMPTION_ID))))
                .onConflictDoNothing()
                .execute();
    }

    /** Takes up to {@code limit} due RESERVED redemptions until {@code leaseUntil}. */
    List<Claim> claimDue(Instant now, Instant leaseUntil, int limit) {
        var due = DSL.select(REDEMPTION_ISSUE.SHOP_ID, REDEMPTION_ISSUE.REDEMPTION_ID)
                .from(REDEMPTION_ISSUE)
                .join(REDEMPTION)
                .on(REDEMPTION.SHOP_ID.eq(REDEMPTION_ISSUE.SHOP_ID))
                .and(REDEMPTION.REDEMPTION_ID.eq(REDEMPTION_ISSUE.REDEMPTION_ID))
                .where(REDEMPTION.STATUS.eq(RedemptionStatus.RESERVED.name()))
                .and(REDEMPTION_ISSUE.NEXT_ATTEMPT_AT.le(at(now)))
                .orderBy(REDEMPTION_ISSUE.NEXT_ATTEMPT_AT)
                .limit(limit)
                .forUpdate()
                .of(REDEMPTION_ISSUE)
                .skipLocked()
                .asTable("due");
        return dsl.update(REDEMPTION_ISSUE)
                .set(REDEMPTION_ISSUE.NEXT_ATTEMPT_AT, at(leaseUntil))
                .set(REDEMPTION_ISSUE.LAST_ATTEMPT_AT, at(now))
                .set(REDEMPTION_ISSUE.ATTEMPTS, REDEMPTION_ISSUE.ATTEMPTS.plus(1))
                .from(due)
                .where(REDEMPTION_ISSUE.SHOP_ID.eq(due.field(REDEMPTION_ISSUE.SHOP_ID)))
                .and(REDEMPTION_ISSUE.REDEMPTION_ID.eq(due.field(REDEMPTION_ISSUE.REDEMPTION_ID)))
                .returning(REDEMPTION_ISSUE.SHOP_ID, REDEMPTION_ISSUE.REDEMPTION_ID, REDEMPTION_ISSUE.ATTEMPTS)
                .fetch(r -> new Claim(new ShopId(r.getShopId()), r.getRedemptionId(), r.getAttempts()));
    }

    /**
     * Takes one redemption if it is due (new, or its backoff is over); empty while another attempt
     * holds it or it waits for its backoff.
     */
    Optional<Claim> claim(ShopId shop, long redemptionId, Instant now, Instant leaseUntil) {
        dsl.insertInto(REDEMPTION_ISSUE)
                .set(REDEMPTION_ISSUE.SHOP_ID, shop.value())
                .set(REDEMPTION_ISSUE.REDEMPTION_ID, redemptionId)
                .set(REDEMPTION_ISSUE.NEXT_ATTEMPT_AT, at(now))
                .onConflictDoNothing()
                .execute();
        // The update's condition is checked again under the row lock: of two callers, one wins.
        return dsl.update(REDEMPTION_ISSUE)
                .set(REDEMPTION_ISSUE.NEXT_ATTEMPT_AT, at(leaseUntil))
                .set(REDEMPTION_ISSUE.LAST_ATTEMPT_AT, at(now))
                .set(REDEMPTION_ISSUE.ATTEMPTS, REDEMPTION_ISSUE.ATTEMPTS.plus(1))
                .where(REDEMPTION_ISSUE.SHOP_ID.eq(shop.value()))
                .and(REDEMPTION_ISSUE.REDEMPTION_ID.eq(redemptionId))
                .and(REDEMPTION_ISSUE.NEXT_ATTEMPT_AT.le(at(now)))
                .returning(REDEMPTION_ISSUE.ATTEMPTS)
                .fetchOptional(r -> new Claim(shop, redemptionId, r.getAttempts()));
    }

    /** Schedules the next attempt after a transient failure, keeping the error for operators. */
    void retryAt(Claim claim, String error, Instant nextAttemptAt) {
        dsl.update(REDEMPTION_ISSUE)
                .set(REDEMPTION_ISSUE.LAST_ERROR, error)
                .set(REDEMPTION_ISSUE.NEXT_ATTEMPT_AT, at(nextAttemptAt))
                .where(REDEMPTION_ISSUE.SHOP_ID.eq(claim.shop().value()))
                .and(REDEMPTION_ISSUE.REDEMPTION_ID.eq(claim.redemptionId()))
                .execute();
    }

    /** Records the final error of a redemption that failed for good (null when it was issued). */
    void settled(Claim claim, String error) {
        dsl.update(REDEMPTION_ISSUE)
                .set(REDEMPTION_ISSUE.LAST_ERROR, error)
                .where(REDEMPTION_ISSUE.SHOP_ID.eq(claim.shop().value()))
                .and(REDEMPTION_ISSUE.REDEMPTION_ID.eq(claim.redemptionId()))
                .execute();
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
