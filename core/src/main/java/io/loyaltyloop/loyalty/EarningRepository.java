package io.loyaltyloop.loyalty;

import static io.loyaltyloop.db.Tables.EARNING_EXCLUSION;
import static io.loyaltyloop.db.Tables.EARNING_RULE;
import static io.loyaltyloop.db.Tables.SHOP;

import io.loyaltyloop.shop.ShopId;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;

/** The spend rule's history and the exclusions, as the admin changes them. */
class EarningRepository {

    private final DSLContext dsl;

    EarningRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /**
     * Locks the shop's row against a concurrent change of its program (FOR NO KEY UPDATE: the engine's
     * inserts only take key-share locks on it, so applying events goes on meanwhile). False when the
     * shop does not exist.
     */
    boolean lockProgram(ShopId shop) {
        return dsl.select(SHOP.SHOP_ID)
                .from(SHOP)
                .where(SHOP.SHOP_ID.eq(shop.value()))
                .forNoKeyUpdate()
                .fetchOptional()
                .isPresent();
    }

    Optional<EarningRule> activeRule(ShopId shop) {
        return dsl.select(
                        EARNING_RULE.RULE_ID,
                        EARNING_RULE.POINTS_PER_UNIT,
                        EARNING_RULE.ROUNDING,
                        EARNING_RULE.CREATED_AT)
                .from(EARNING_RULE)
                .where(EARNING_RULE.SHOP_ID.eq(shop.value()))
                .and(EARNING_RULE.ACTIVE.isTrue())
                .fetchOptional(r -> new EarningRule(
                        r.value1(),
                        r.value2(),
                        Rounding.valueOf(r.value3()),
                        r.value4().toInstant()));
    }

    /** Deactivates the active rule (kept as history) and inserts the new one; returns its id. */
    long replaceRule(ShopId shop, BigDecimal pointsPerUnit, Rounding rounding) {
        dsl.update(EARNING_RULE)
                .set(EARNING_RULE.ACTIVE, false)
                .where(EARNING_RULE.SHOP_ID.eq(shop.value()))
                .and(EARNING_RULE.ACTIVE.isTrue())
                .execute();
        return dsl.insertInto(EARNING_RULE)
                .set(EARNING_RULE.SHOP_ID, shop.value())
                .set(EARNING_RULE.POINTS_PER_UNIT, pointsPerUnit)
                .set(EARNING_RULE.ROUNDING, rounding.name())
                .set(EARNING_RULE.ACTIVE, true)
                .returning(EARNING_RULE.RULE_ID)
                .fetchSingle(EARNING_RULE.RULE_ID);
    }

    List<EarningExclusion> exclusions(ShopId shop) {
        return dsl.select(EARNING_EXCLUSION.EXCLUSION_ID, EARNING_EXCLUSION.MATCH_FIELD, EARNING_EXCLUSION.MATCH_VALUE)
                .from(EARNING_EXCLUSION)
                .where(EARNING_EXCLUSION.SHOP_ID.eq(shop.value()))
                .orderBy(EARNING_EXCLUSION.MATCH_FIELD, EARNING_EXCLUSION.MATCH_VALUE)
                .fetch(r -> new EarningExclusion(r.value1(), ExclusionField.valueOf(r.value2()), r.value3()));
    }

    /** The new exclusion's id; empty when the shop already has that field and value. */
    Optional<Long> insertExclusion(ShopId shop, ExclusionField field, String value) {
        return dsl.insertInto(EARNING_EXCLUSION)
                .set(EARNING_EXCLUSION.SHOP_ID, shop.value())
                .set(EARNING_EXCLUSION.MATCH_FIELD, field.name())
                .set(EARNING_EXCLUSION.MATCH_VALUE, value)
                .onConflict(EARNING_EXCLUSION.SHOP_ID, EARNING_EXCLUSION.MATCH_FIELD, EARNING_EXCLUSION.MATCH_VALUE)
                .doNothing()
                .returning(EARNING_EXCLUSION.EXCLUSION_ID)
                .fetchOptional(EARNING_EXCLUSION.EXCLUSION_ID);
    }

    /** The removed exclusion; empty when the shop has none with that id. */
    Optional<EarningExclusion> deleteExclusion(ShopId shop, long exclusionId) {
        return dsl.deleteFrom(EARNING_EXCLUSION)
                .where(EARNING_EXCLUSION.SHOP_ID.eq(shop.value()))
                .and(EARNING_EXCLUSION.EXCLUSION_ID.eq(exclusionId))
                .returning(EARNING_EXCLUSION.EXCLUSION_ID, EARNING_EXCLUSION.MATCH_FIELD, EARNING_EXCLUSION.MATCH_VALUE)
                .fetchOptional(r -> new EarningExclusion(
                        r.get(EARNING_EXCLUSION.EXCLUSION_ID),
                        ExclusionField.valueOf(r.get(EARNING_EXCLUSION.MATCH_FIELD)),
                        r.get(EARNING_EXCLUSION.MATCH_VALUE)));
    }
}
