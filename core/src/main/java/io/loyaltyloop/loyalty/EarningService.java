package io.loyaltyloop.loyalty;

import io.loyaltyloop.audit.AuditLog;
import io.loyaltyloop.shop.ShopId;
import io.loyaltyloop.shop.ShopNotFoundException;
import io.loyaltyloop.system.Transactions;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;

/**
 * How a shop's customers earn, as the merchant changes it: the spend rule, the exclusions, and the
 * dry run of a candidate rule. Every change is audited in its own transaction.
 *
 * <p>Invariants: exactly one active rule per shop; a rule is never updated in place — a change
 * deactivates the old row and inserts a new one, and orders keep the terms they were paid under, so
 * history is never rewritten. The engine reads the program once per transaction (no cache), so a
 * change applies from the next event: a new rule to orders paid after it, an exclusion to lines that
 * arrive after it (a line's eligibility is fixed when the order's lines first arrive).
 */
public class EarningService {

    /** The most decimals a rate keeps ({@code numeric(12, 4)}). */
    public static final int MAX_DECIMALS = 4;

    private final Transactions transactions;
    private final EarningRepository earning;
    private final EarningDryRun dryRun;
    private final ProgramRepository programs;
    private final AuditLog audit;

    public EarningService(DSLContext dsl, Clock clock) {
        this.transactions = new Transactions(dsl);
        this.earning = new EarningRepository(dsl);
        this.dryRun = new EarningDryRun(dsl, clock);
        this.programs = new ProgramRepository(dsl);
        this.audit = new AuditLog(dsl);
    }

    /** The shop's active spend rule. */
    public EarningRule rule(ShopId shop) {
        return earning.activeRule(shop).orElseThrow(() -> new ShopNotFoundException(shop.toString()));
    }

    /**
     * The shop's program as a basket paid now is priced under, in one read: see {@link BasketTerms}.
     *
     * @throws ShopNotFoundException for an unknown shop
     */
    public BasketTerms basketTerms(ShopId shop) {
        return new BasketTerms(programs.load(shop));
    }

    /**
     * Replaces the active rule with {@code pointsPerUnit} and {@code rounding}; the old rule stays,
     * inactive. Audited as {@code program.earning_rule.update} with the old and new values.
     *
     * @throws IllegalArgumentException for a rate not above 0, above 10000 or with more than 4
     *     decimals, or no rounding; nothing changes
     */
    public EarningRule changeRule(ShopId shop, BigDecimal pointsPerUnit, Rounding rounding, String actor) {
        EarningChange.rule(pointsPerUnit, rounding); // the program's own bounds
        if (pointsPerUnit.stripTrailingZeros().scale() > MAX_DECIMALS) {
            throw new IllegalArgumentException("points per unit has at most " + MAX_DECIMALS + " decimals");
        }
        return transactions.inTransaction(() -> {
            if (!earning.lockProgram(shop)) {
                throw new ShopNotFoundException(shop.toString());
            }
            EarningRule before = rule(shop);
            long ruleId = earning.replaceRule(shop, pointsPerUnit, rounding);
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("old_rule", before.ruleId());
            details.put(
                    "old_points_per_unit",
                    before.pointsPerUnit().stripTrailingZeros().toPlainString());
            details.put("old_rounding", before.rounding());
            details.put("new_rule", ruleId);
            details.put(
                    "new_points_per_unit", pointsPerUnit.stripTrailingZeros().toPlainString());
            details.put("new_rounding", rounding);
            audit.record(shop, actor, "program.earning_rule.update", "earning_rule:" + ruleId, details);
            return rule(shop);
        });
    }

    /** What the last {@link EarningDryRun#WINDOW}'s orders would have earned under {@code change}. */
    public EarningDryRun.Result dryRun(ShopId shop, EarningChange change) {
        return dryRun.dryRun(shop, change);
    }

    /**
     * What the last {@link EarningDryRun#WINDOW}'s orders would have earned with tier multipliers
     * changed as {@code multipliers} says (old → new); each order keeps the rule it earned under.
     */
    public EarningDryRun.Result dryRunMultipliers(ShopId shop, Map<BigDecimal, BigDecimal> multipliers) {
        return dryRun.dryRunMultipliers(shop, multipliers);
    }

    /** The shop's exclusions, by field and value. */
    public List<EarningExclusion> exclusions(ShopId shop) {
        return earning.exclusions(shop);
    }

    /**
     * Excludes lines whose {@code field} equals {@code value} (stripped of surrounding spaces) from
     * earning, for lines that arrive from now on. Audited as {@code program.exclusion.add}.
     *
     * @throws IllegalArgumentException for an empty value or one longer than 255 characters
     * @throws DuplicateExclusionException when the shop already has it; nothing changes
     */
    public EarningExclusion addExclusion(ShopId shop, ExclusionField field, String value, String actor) {
        String v = value == null ? "" : value.strip();
        if (field == null || v.isEmpty() || v.length() > EarningExclusion.MAX_VALUE) {
            throw new IllegalArgumentException(
                    "an exclusion needs a field and a value of 1-" + EarningExclusion.MAX_VALUE + " characters");
        }
        return transactions.inTransaction(() -> {
            long id = earning.insertExclusion(shop, field, v)
                    .orElseThrow(() -> new DuplicateExclusionException(field, v));
            audit.record(shop, actor, "program.exclusion.add", "exclusion:" + id, Map.of("field", field, "value", v));
            return new EarningExclusion(id, field, v);
        });
    }

    /**
     * Removes one of the shop's exclusions; matching lines that arrive from now on earn again.
     * Audited as {@code program.exclusion.remove}.
     *
     * @throws ExclusionNotFoundException when the shop has no exclusion with that id
     */
    public EarningExclusion removeExclusion(ShopId shop, long exclusionId, String actor) {
        return transactions.inTransaction(() -> {
            EarningExclusion removed = earning.deleteExclusion(shop, exclusionId)
                    .orElseThrow(() -> new ExclusionNotFoundException(shop, exclusionId));
            audit.record(
                    shop,
                    actor,
                    "program.exclusion.remove",
                    "exclusion:" + exclusionId,
                    Map.of("field", removed.field(), "value", removed.value()));
            return removed;
        });
    }
}
