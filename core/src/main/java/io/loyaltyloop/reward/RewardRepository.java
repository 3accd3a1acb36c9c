package io.loyaltyloop.reward;

import static io.loyaltyloop.db.Tables.CUSTOMER;
import static io.loyaltyloop.db.Tables.REDEMPTION;
import static io.loyaltyloop.db.Tables.REWARD;
import static org.jooq.impl.DSL.count;

import io.loyaltyloop.db.tables.records.RewardRecord;
import io.loyaltyloop.shop.ShopId;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.Record1;

class RewardRepository {

    private final DSLContext dsl;

    RewardRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    List<Reward> activeRewards(ShopId shop) {
        return dsl.selectFrom(REWARD)
                .where(REWARD.SHOP_ID.eq(shop.value()))
                .and(REWARD.ACTIVE.isTrue())
                .orderBy(REWARD.POINTS_COST)
                .fetch(RewardRepository::toReward);
    }

    Optional<Reward> findActive(ShopId shop, long rewardId) {
        return dsl.selectFrom(REWARD)
                .where(REWARD.SHOP_ID.eq(shop.value()))
                .and(REWARD.REWARD_ID.eq(rewardId))
                .and(REWARD.ACTIVE.isTrue())
                .fetchOptional(RewardRepository::toReward);
    }

    Optional<Reward> findAny(ShopId shop, long rewardId) {
        return dsl.selectFrom(REWARD)
                .where(REWARD.SHOP_ID.eq(shop.value()))
                .and(REWARD.REWARD_ID.eq(rewardId))
                .fetchOptional(RewardRepository::toReward);
    }

    Optional<Reward> lockAny(ShopId shop, long rewardId) {
        return dsl.selectFrom(REWARD)
                .where(REWARD.SHOP_ID.eq(shop.value()))
                .and(REWARD.REWARD_ID.eq(rewardId))
                .forUpdate()
                .fetchOptional(RewardRepository::toReward);
    }

    /** Every reward with its count of redemptions that kept their points, in one query. */
    List<RewardListing> listing(ShopId shop) {
        var redeemed =
                count(REDEMPTION.REDEMPTION_ID).filterWhere(REDEMPTION.STATUS.ne(RedemptionStatus.FAILED.name()));
        return dsl.select(REWARD.fields())
                .select(redeemed)
                .from(REWARD)
                .leftJoin(REDEMPTION)
                .on(REDEMPTION.SHOP_ID.eq(REWARD.SHOP_ID).and(REDEMPTION.REWARD_ID.eq(REWARD.REWARD_ID)))
                .where(REWARD.SHOP_ID.eq(shop.value()))
                .groupBy(REWARD.SHOP_ID, REWARD.REWARD_ID)
                .orderBy(REWARD.ACTIVE.desc(), REWARD.POINTS_COST, REWARD.REWARD_ID)
                .fetch(r -> new RewardListing(toReward(r.into(REWARD)), r.get(redeemed)));
    }

    Reward insert(ShopId shop, RewardDraft draft) {
        return dsl.insertInto(REWARD)
                .set(REWARD.SHOP_ID, shop.value())
                .set(REWARD.NAME, draft.name())
                .set(REWARD.KIND, draft.kind().name())
                .set(REWARD.DISCOUNT_VALUE, draft.discountValue())
                .set(REWARD.POINTS_COST, draft.pointsCost())
                .returning()
                .fetchSingle(RewardRepository::toReward);
    }

    void update(ShopId shop, long rewardId, RewardDraft draft) {
        dsl.update(REWARD)
                .set(REWARD.NAME, draft.name())
                .set(REWARD.KIND, draft.kind().name())
                .set(REWARD.DISCOUNT_VALUE, draft.discountValue())
                .set(REWARD.POINTS_COST, draft.pointsCost())
                .where(REWARD.SHOP_ID.eq(shop.value()))
                .and(REWARD.REWARD_ID.eq(rewardId))
                .execute();
    }

    void setActive(ShopId shop, long rewardId, boolean active) {
        dsl.update(REWARD)
                .set(REWARD.ACTIVE, active)
                .where(REWARD.SHOP_ID.eq(shop.value()))
                .and(REWARD.REWARD_ID.eq(rewardId))
                .execute();
    }

    long insertRedemption(ShopId shop, long customerId, Reward reward, String code, String idempotencyKey) {
        return dsl.insertInto(REDEMPTION)
                .set(REDEMPTION.SHOP_ID, shop.value())
                .set(REDEMPTION.CUSTOMER_ID, customerId)
                .set(REDEMPTION.REWARD_ID, reward.id())
                .set(REDEMPTION.REWARD_KIND, reward.kind().name())
                .set(REDEMPTION.DISCOUNT_VALUE, reward.discountValue())
                .set(REDEMPTION.POINTS_COST, reward.pointsCost())
                .set(REDEMPTION.DISCOUNT_CODE, code)
                .set(REDEMPTION.STATUS, RedemptionStatus.RESERVED.name())
                .set(REDEMPTION.IDEMPOTENCY_KEY, idempotencyKey)
                .returning(REDEMPTION.REDEMPTION_ID)
                .fetchSingle(REDEMPTION.REDEMPTION_ID);
    }

    /** The customer's reserved and issued codes, newest first, with the reward's current name. */
    List<CustomerCode> codes(ShopId shop, String externalCustomerId, int limit) {
        return dsl.select(CustomerCodes.newestFirst(CUSTOMER.SHOP_ID, CUSTOMER.CUSTOMER_ID, limit))
                .from(CUSTOMER)
                .where(CUSTOMER.SHOP_ID.eq(shop.value()))
                .and(CUSTOMER.EXTERNAL_ID.eq(externalCustomerId))
                .fetchOptional(Record1::value1)
                .orElse(List.of());
    }

    Optional<Redemption> findByKey(ShopId shop, String idempotencyKey) {
        return selectRedemption(shop)
                .and(REDEMPTION.IDEMPOTENCY_KEY.eq(idempotencyKey))
                .fetchOptional(RewardRepository::toRedemption);
    }

    Optional<Redemption> find(ShopId shop, long redemptionId) {
        return selectRedemption(shop)
                .and(REDEMPTION.REDEMPTION_ID.eq(redemptionId))
                .fetchOptional(RewardRepository::toRedemption);
    }

    /** Locks the redemption and returns its status. */
    Optional<RedemptionStatus> lockStatus(ShopId shop, long redemptionId) {
        return dsl.select(REDEMPTION.STATUS)
                .from(REDEMPTION)
                .where(REDEMPTION.SHOP_ID.eq(shop.value()))
                .and(REDEMPTION.REDEMPTION_ID.eq(redemptionId))
                .forUpdate()
                .fetchOptional(r -> RedemptionStatus.valueOf(r.value1()));
    }

    void settle(ShopId shop, long redemptionId, RedemptionStatus status, String hostDiscountId, String failureReason) {
        dsl.update(REDEMPTION)
                .set(REDEMPTION.STATUS, status.name())
                .set(REDEMPTION.HOST_DISCOUNT_ID, hostDiscountId)
                .set(REDEMPTION.FAILURE_REASON, failureReason)
                .set(REDEMPTION.SETTLED_AT, OffsetDateTime.now())
                .where(REDEMPTION.SHOP_ID.eq(shop.value()))
                .and(REDEMPTION.REDEMPTION_ID.eq(redemptionId))
                .execute();
    }

    private org.jooq.SelectConditionStep<Record> selectRedemption(ShopId shop) {
        return dsl.select(REDEMPTION.fields())
                .select(CUSTOMER.EXTERNAL_ID)
                .from(REDEMPTION)
                .join(CUSTOMER)
                .on(CUSTOMER.SHOP_ID.eq(REDEMPTION.SHOP_ID).and(CUSTOMER.CUSTOMER_ID.eq(REDEMPTION.CUSTOMER_ID)))
                .where(REDEMPTION.SHOP_ID.eq(shop.value()));
    }

    private static Reward toReward(RewardRecord r) {
        return new Reward(
                r.getRewardId(),
                r.getName(),
                RewardKind.valueOf(r.getKind()),
                r.getDiscountValue(),
                r.getPointsCost(),
                r.getActive());
    }

    private static Redemption toRedemption(Record r) {
        return new Redemption(
                r.get(REDEMPTION.REDEMPTION_ID),
                r.get(CUSTOMER.EXTERNAL_ID),
                r.get(REDEMPTION.REWARD_ID),
                RewardKind.valueOf(r.get(REDEMPTION.REWARD_KIND)),
                r.get(REDEMPTION.DISCOUNT_VALUE),
                r.get(REDEMPTION.POINTS_COST),
                r.get(REDEMPTION.DISCOUNT_CODE),
                RedemptionStatus.valueOf(r.get(REDEMPTION.STATUS)),
                r.get(REDEMPTION.CREATED_AT).toInstant());
    }
}
