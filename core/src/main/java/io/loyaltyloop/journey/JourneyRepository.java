package io.loyaltyloop.journey;

import static io.loyaltyloop.db.Tables.FULFILLMENT_MILESTONE;
import static io.loyaltyloop.db.Tables.JOURNEY_SETTINGS;
import static io.loyaltyloop.db.Tables.JOURNEY_STEP;
import static io.loyaltyloop.db.Tables.REWARD;
import static io.loyaltyloop.db.Tables.SHOP;
import static io.loyaltyloop.db.Tables.SHOP_ORDER;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.currentOffsetDateTime;
import static org.jooq.impl.DSL.excluded;
import static org.jooq.impl.DSL.least;
import static org.jooq.impl.DSL.noCondition;
import static org.jooq.impl.DSL.row;
import static org.jooq.impl.DSL.select;

import io.loyaltyloop.db.tables.records.JourneySettingsRecord;
import io.loyaltyloop.db.tables.records.JourneyStepRecord;
import io.loyaltyloop.journey.OrderFacts.MilestoneSeen;
import io.loyaltyloop.shop.ShopId;
import io.loyaltyloop.shop.ShopNotFoundException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;

class JourneyRepository {

    private final DSLContext dsl;

    JourneyRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** A shop's settings (its saved values, else the defaults given) and timezone. */
    record ShopJourney(ZoneId zone, boolean active, JourneySettings settings) {}

    ShopJourney shopJourney(ShopId shop, JourneySettings defaults) {
        Record r = dsl.select(SHOP.TIMEZONE, SHOP.STATUS)
                .select(JOURNEY_SETTINGS.fields())
                .from(SHOP)
                .leftJoin(JOURNEY_SETTINGS)
                .on(JOURNEY_SETTINGS.SHOP_ID.eq(SHOP.SHOP_ID))
                .where(SHOP.SHOP_ID.eq(shop.value()))
                .fetchOne();
        if (r == null) {
            throw new ShopNotFoundException(shop.toString());
        }
        JourneySettingsRecord saved = r.into(JOURNEY_SETTINGS);
        JourneySettings settings = saved.getShopId() == null ? defaults : merge(saved, defaults);
        return new ShopJourney(ZoneId.of(r.get(SHOP.TIMEZONE)), "ACTIVE".equals(r.get(SHOP.STATUS)), settings);
    }

    private static JourneySettings merge(JourneySettingsRecord s, JourneySettings d) {
        return new JourneySettings(
                seconds(s.getReviewDelaySeconds(), d.reviewDelay()),
                seconds(s.getReviewFallbackDelaySeconds(), d.reviewFallbackDelay()),
                seconds(s.getReminderDelaySeconds(), d.reminderDelay()),
                seconds(s.getSurveyDelaySeconds(), d.surveyDelay()),
                s.getSurveyType() == null ? d.surveyKind() : JourneySettings.SurveyKind.valueOf(s.getSurveyType()),
                seconds(s.getExpiryWarningSeconds(), d.expiryWarning()),
                seconds(s.getLastChanceSeconds(), d.lastChance()),
                seconds(s.getStuckAfterSeconds(), d.stuckAfter()),
                s.getQuietHours() == null ? d.quietHours() : s.getQuietHours());
    }

    private static Duration seconds(Long value, Duration fallback) {
        return value == null ? fallback : Duration.ofSeconds(value);
    }

    void saveSettings(ShopId shop, JourneySettings s) {
        dsl.insertInto(JOURNEY_SETTINGS)
                .set(JOURNEY_SETTINGS.SHOP_ID, shop.value())
                .set(settingsRecord(s))
                .onConflict(JOURNEY_SETTINGS.SHOP_ID)
                .doUpdate()
                .set(settingsRecord(s))
                .set(JOURNEY_SETTINGS.UPDATED_AT, currentOffsetDateTime())
                .execute();
    }

    private JourneySettingsRecord settingsRecord(JourneySettings s) {
        JourneySettingsRecord r = dsl.newRecord(JOURNEY_SETTINGS);
        r.setReviewDelaySeconds(s.reviewDelay().toSeconds());
        r.setReviewFallbackDelaySeconds(s.reviewFallbackDelay().toSeconds());
        r.setReminderDelaySeconds(s.reminderDelay().toSeconds());
        r.setSurveyDelaySeconds(s.surveyDelay().toSeconds());
        r.setSurveyType(s.surveyKind().name());
        r.setExpiryWarningSeconds(s.expiryWarning().toSeconds());
        r.setLastChanceSeconds(s.lastChance().toSeconds());
        r.setStuckAfterSeconds(s.stuckAfter().toSeconds());
        r.setQuietHours(s.quietHours());
        r.changed(JOURNEY_SETTINGS.SHOP_ID, false);
        r.changed(JOURNEY_SETTINGS.UPDATED_AT, false);
        return r;
    }

    boolean hasSavedSettings(ShopId shop) {
        return dsl.fetchExists(JOURNEY_SETTINGS, JOURNEY_SETTINGS.SHOP_ID.eq(shop.value()));
    }

    void resetSettings(ShopId shop) {
        dsl.deleteFrom(JOURNEY_SETTINGS)
                .where(JOURNEY_SETTINGS.SHOP_ID.eq(shop.value()))
                .execute();
    }

    /** Keeps the earliest time each fulfillment was seen at each milestone. */
    void recordMilestones(ShopId shop, Collection<Map.Entry<Long, MilestoneSeen>> seenByOrder) {
        var insert = dsl.insertInto(
                FULFILLMENT_MILESTONE,
                FULFILLMENT_MILESTONE.SHOP_ID,
                FULFILLMENT_MILESTONE.ORDER_ID,
                FULFILLMENT_MILESTONE.EXTERNAL_FULFILLMENT_ID,
                FULFILLMENT_MILESTONE.MILESTONE,
                FULFILLMENT_MILESTONE.FIRST_SEEN_AT);
        for (var e : seenByOrder) {
            MilestoneSeen seen = e.getValue();
            insert = insert.values(
                    shop.value(),
                    e.getKey(),
                    seen.fulfillmentId(),
                    seen.milestone().name(),
                    utc(seen.seenAt()));
        }
        insert.onConflict(
                        FULFILLMENT_MILESTONE.SHOP_ID,
                        FULFILLMENT_MILESTONE.ORDER_ID,
                        FULFILLMENT_MILESTONE.EXTERNAL_FULFILLMENT_ID,
                        FULFILLMENT_MILESTONE.MILESTONE)
                .doUpdate()
                .set(
                        FULFILLMENT_MILESTONE.FIRST_SEEN_AT,
                        least(FULFILLMENT_MILESTONE.FIRST_SEEN_AT, excluded(FULFILLMENT_MILESTONE.FIRST_SEEN_AT)))
                .where(excluded(FULFILLMENT_MILESTONE.FIRST_SEEN_AT).lt(FULFILLMENT_MILESTONE.FIRST_SEEN_AT))
                .execute();
    }

    /** The journey facts of the orders, in one statement. */
    Map<Long, OrderFacts> orderFacts(ShopId shop, Collection<Long> orderIds) {
        var rows = dsl.select(
                        SHOP_ORDER.ORDER_ID,
                        SHOP_ORDER.CUSTOMER_ID,
                        SHOP_ORDER.PAID_AT,
                        SHOP_ORDER.CANCELLED_AT,
                        SHOP_ORDER.LINES_KNOWN,
                        SHOP_ORDER.ELIGIBLE_AMOUNT,
                        SHOP_ORDER.REFUNDED_AMOUNT,
                        SHOP_ORDER.PRIOR_TO_INSTALL,
                        FULFILLMENT_MILESTONE.EXTERNAL_FULFILLMENT_ID,
                        FULFILLMENT_MILESTONE.MILESTONE,
                        FULFILLMENT_MILESTONE.FIRST_SEEN_AT)
                .from(SHOP_ORDER)
                .leftJoin(FULFILLMENT_MILESTONE)
                .on(FULFILLMENT_MILESTONE.SHOP_ID.eq(SHOP_ORDER.SHOP_ID))
                .and(FULFILLMENT_MILESTONE.ORDER_ID.eq(SHOP_ORDER.ORDER_ID))
                .where(SHOP_ORDER.SHOP_ID.eq(shop.value()))
                .and(SHOP_ORDER.ORDER_ID.in(orderIds))
                .fetch();
        Map<Long, List<MilestoneSeen>> milestones = new HashMap<>();
        Map<Long, OrderFacts> facts = new HashMap<>();
        for (var r : rows) {
            long orderId = r.value1();
            List<MilestoneSeen> seen = milestones.computeIfAbsent(orderId, id -> new ArrayList<>());
            if (r.value9() != null) {
                seen.add(new MilestoneSeen(
                        r.value9(), Milestone.valueOf(r.value10()), r.value11().toInstant()));
            }
            boolean fullyRefunded =
                    r.value5() && r.value6().signum() > 0 && r.value7().compareTo(r.value6()) >= 0;
            facts.putIfAbsent(
                    orderId,
                    new OrderFacts(
                            orderId,
                            r.value2(),
                            instant(r.value3()),
                            r.value4() != null,
                            fullyRefunded,
                            r.value8(),
                            seen));
        }
        return facts;
    }

    /**
     * Brings the steps to the plan. A step sent, or finished by the dispatcher or a cancellation,
     * stays as it is; a step the plan itself skipped or cancelled keeps following the plan (a second
     * fulfillment can revive the feedback a cancelled first one had cancelled).
     */
    void upsertSteps(ShopId shop, List<PlannedStep> steps) {
        var j = JOURNEY_STEP;
        var insert = dsl.insertInto(
                j,
                j.SHOP_ID,
                j.SUBJECT,
                j.KIND,
                j.ORDER_ID,
                j.EXTERNAL_FULFILLMENT_ID,
                j.CUSTOMER_ID,
                j.DUE_AT,
                j.STATUS,
                j.REASON,
                j.PLAN_DECIDED);
        for (PlannedStep s : steps) {
            insert = insert.values(
                    shop.value(),
                    s.subject(),
                    s.kind().name(),
                    s.orderId(),
                    s.fulfillmentId(),
                    s.customerId(),
                    utc(s.dueAt()),
                    s.status().name(),
                    s.reason(),
                    s.status() != StepStatus.PLANNED);
        }
        insert.onConflict(j.SHOP_ID, j.SUBJECT, j.KIND)
                .doUpdate()
                .set(j.DUE_AT, excluded(j.DUE_AT))
                .set(j.STATUS, excluded(j.STATUS))
                .set(j.REASON, excluded(j.REASON))
                .set(j.CUSTOMER_ID, excluded(j.CUSTOMER_ID))
                .set(j.PLAN_DECIDED, excluded(j.PLAN_DECIDED))
                .set(j.UPDATED_AT, currentOffsetDateTime())
                .where(j.STATUS.eq(StepStatus.PLANNED.name()).or(j.PLAN_DECIDED.isTrue()))
                .and(row(j.DUE_AT, j.STATUS, j.REASON, j.CUSTOMER_ID)
                        .isDistinctFrom(row(
                                excluded(j.DUE_AT), excluded(j.STATUS), excluded(j.REASON), excluded(j.CUSTOMER_ID))))
                .execute();
    }

    /** The shop's active rewards that cost more than {@code before} and at most {@code after}. */
    List<Long> rewardsCrossed(ShopId shop, long before, long after) {
        return dsl.select(REWARD.REWARD_ID)
                .from(REWARD)
                .where(REWARD.SHOP_ID.eq(shop.value()))
                .and(REWARD.ACTIVE.isTrue())
                .and(REWARD.POINTS_COST.gt(before))
                .and(REWARD.POINTS_COST.le(after))
                .orderBy(REWARD.POINTS_COST, REWARD.REWARD_ID)
                .fetch(REWARD.REWARD_ID);
    }

    List<JourneyStep> orderSteps(ShopId shop, long orderId) {
        return dsl.selectFrom(JOURNEY_STEP)
                .where(JOURNEY_STEP.SHOP_ID.eq(shop.value()))
                .and(JOURNEY_STEP.ORDER_ID.eq(orderId))
                .orderBy(coalesce(JOURNEY_STEP.SENT_AT, JOURNEY_STEP.DUE_AT), JOURNEY_STEP.STEP_ID)
                .fetch(JourneyRepository::step);
    }

    /** The steps of each of {@code orderIds}, each order's in time order; one query for all. */
    Map<Long, List<JourneyStep>> orderSteps(ShopId shop, Collection<Long> orderIds) {
        return dsl
                .selectFrom(JOURNEY_STEP)
                .where(JOURNEY_STEP.SHOP_ID.eq(shop.value()))
                .and(JOURNEY_STEP.ORDER_ID.in(orderIds))
                .orderBy(coalesce(JOURNEY_STEP.SENT_AT, JOURNEY_STEP.DUE_AT), JOURNEY_STEP.STEP_ID)
                .fetch(JourneyRepository::step)
                .stream()
                .collect(Collectors.groupingBy(JourneyStep::orderId, Collectors.toList()));
    }

    /** The customer's steps not about an order (expiry warnings), in time order. */
    List<JourneyStep> customerSteps(ShopId shop, long customerId) {
        return dsl.selectFrom(JOURNEY_STEP)
                .where(JOURNEY_STEP.SHOP_ID.eq(shop.value()))
                .and(JOURNEY_STEP.CUSTOMER_ID.eq(customerId))
                .and(JOURNEY_STEP.ORDER_ID.isNull())
                .orderBy(coalesce(JOURNEY_STEP.SENT_AT, JOURNEY_STEP.DUE_AT), JOURNEY_STEP.STEP_ID)
                .fetch(JourneyRepository::step);
    }

    /**
     * Leases up to {@code limit} due steps of any shop until {@code until}: rows another instance is
     * taking right now are skipped, and a lease that ran out (an instance died) is taken over.
     */
    List<JourneyStep> lease(Instant now, int limit, Instant until) {
        var j = JOURNEY_STEP;
        return dsl
                .update(j)
                .set(j.LEASED_UNTIL, utc(until))
                .where(row(j.SHOP_ID, j.STEP_ID)
                        .in(select(j.SHOP_ID, j.STEP_ID)
                                .from(j)
                                .where(j.STATUS.eq(StepStatus.PLANNED.name()))
                                .and(j.DUE_AT.le(utc(now)))
                                .and(j.LEASED_UNTIL.isNull().or(j.LEASED_UNTIL.le(utc(now))))
                                .orderBy(j.DUE_AT)
                                .limit(limit)
                                .forUpdate()
                                .skipLocked()))
                .returning()
                .fetch(JourneyRepository::step)
                .stream()
                // UPDATE ... RETURNING keeps no order: due order is what keeps a fulfillment's
                // statuses in sequence.
                .sorted(Comparator.comparing(JourneyStep::dueAt).thenComparing(JourneyStep::stepId))
                .toList();
    }

    /** The step, locked, while it is still planned. */
    Optional<JourneyStep> lockPlanned(ShopId shop, long stepId) {
        return dsl.selectFrom(JOURNEY_STEP)
                .where(JOURNEY_STEP.SHOP_ID.eq(shop.value()))
                .and(JOURNEY_STEP.STEP_ID.eq(stepId))
                .and(JOURNEY_STEP.STATUS.eq(StepStatus.PLANNED.name()))
                .forUpdate()
                .fetchOptional(JourneyRepository::step);
    }

    boolean finish(ShopId shop, long stepId, StepStatus status, String reason, Instant sentAt) {
        return dsl.update(JOURNEY_STEP)
                        .set(JOURNEY_STEP.STATUS, status.name())
                        .set(JOURNEY_STEP.REASON, reason)
                        .set(JOURNEY_STEP.SENT_AT, utc(sentAt))
                        .set(JOURNEY_STEP.LEASED_UNTIL, (OffsetDateTime) null)
                        .set(JOURNEY_STEP.UPDATED_AT, currentOffsetDateTime())
                        .where(JOURNEY_STEP.SHOP_ID.eq(shop.value()))
                        .and(JOURNEY_STEP.STEP_ID.eq(stepId))
                        .and(JOURNEY_STEP.STATUS.eq(StepStatus.PLANNED.name()))
                        .execute()
                == 1;
    }

    boolean reschedule(ShopId shop, long stepId, Instant dueAt) {
        return dsl.update(JOURNEY_STEP)
                        .set(JOURNEY_STEP.DUE_AT, utc(dueAt))
                        .set(JOURNEY_STEP.LEASED_UNTIL, (OffsetDateTime) null)
                        .set(JOURNEY_STEP.UPDATED_AT, currentOffsetDateTime())
                        .where(JOURNEY_STEP.SHOP_ID.eq(shop.value()))
                        .and(JOURNEY_STEP.STEP_ID.eq(stepId))
                        .and(JOURNEY_STEP.STATUS.eq(StepStatus.PLANNED.name()))
                        .execute()
                == 1;
    }

    /** Cancels the planned steps to the customer, by the step's customer or its order's. */
    int cancelForCustomer(ShopId shop, long customerId, String reason) {
        return cancelWhere(
                shop,
                JOURNEY_STEP
                        .CUSTOMER_ID
                        .eq(customerId)
                        .or(JOURNEY_STEP.ORDER_ID.in(select(SHOP_ORDER.ORDER_ID)
                                .from(SHOP_ORDER)
                                .where(SHOP_ORDER.SHOP_ID.eq(shop.value()))
                                .and(SHOP_ORDER.CUSTOMER_ID.eq(customerId)))),
                reason);
    }

    int cancelForShop(ShopId shop, String reason) {
        return cancelWhere(shop, noCondition(), reason);
    }

    private int cancelWhere(ShopId shop, Condition condition, String reason) {
        return dsl.update(JOURNEY_STEP)
                .set(JOURNEY_STEP.STATUS, StepStatus.CANCELLED.name())
                .set(JOURNEY_STEP.REASON, reason)
                .set(JOURNEY_STEP.UPDATED_AT, currentOffsetDateTime())
                .where(JOURNEY_STEP.SHOP_ID.eq(shop.value()))
                .and(JOURNEY_STEP.STATUS.eq(StepStatus.PLANNED.name()))
                .and(condition)
                .execute();
    }

    static JourneyStep step(JourneyStepRecord r) {
        return new JourneyStep(
                new ShopId(r.getShopId()),
                r.getStepId(),
                r.getSubject(),
                StepKind.valueOf(r.getKind()),
                r.getOrderId(),
                r.getExternalFulfillmentId(),
                r.getCustomerId(),
                r.getDueAt().toInstant(),
                StepStatus.valueOf(r.getStatus()),
                r.getReason(),
                instant(r.getSentAt()));
    }

    static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
