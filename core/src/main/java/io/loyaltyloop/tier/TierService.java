package io.loyaltyloop.tier;

import io.loyaltyloop.audit.AuditLog;
import io.loyaltyloop.shop.ShopId;
import io.loyaltyloop.system.Transactions;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jooq.DSLContext;

/**
 * A shop's tier ladder: read it, and change it (create, edit, delete), each change audited in its
 * own transaction.
 *
 * <p>A customer's stored tier follows the ladder at once: a change of thresholds (a new tier, a new
 * minimum spend, a deleted tier) re-tiers the shop's customers in the same transaction, through the
 * engine's re-tiering ({@link TierRefresh}); deleting a tier moves its members to the tier their
 * spend reaches without it. Multipliers apply to orders paid after the change: an order's terms are
 * fixed at payment.
 */
public class TierService {

    private static final String UNIQUE_VIOLATION = "23505";

    private final Transactions transactions;
    private final TierRepository tiers;
    private final AuditLog audit;
    private final TierRefresh refresh;

    public TierService(DSLContext dsl, TierRefresh refresh) {
        this.transactions = new Transactions(dsl);
        this.tiers = new TierRepository(dsl);
        this.audit = new AuditLog(dsl);
        this.refresh = refresh;
    }

    public TierLadder ladder(ShopId shop) {
        return new TierLadder(tiers.tiers(shop));
    }

    /** The tiers, lowest first, with their members, and the customers below every tier. */
    public TierMembership membership(ShopId shop) {
        return tiers.membership(shop);
    }

    /** @throws InvalidTierException if another tier starts at the same spend; nothing changes */
    public Tier create(ShopId shop, TierDraft draft, String actor) {
        return unique(() -> transactions.inTransaction(() -> {
            refuseSameStart(shop, draft.minSpend(), null);
            Tier created = tiers.insert(shop, draft);
            int moved = refresh.refresh(shop);
            Map<String, Object> details = describe("new", created);
            details.put("customersMoved", moved);
            audit.record(shop, actor, "tier.create", subject(created.id()), details);
            return created;
        }));
    }

    /**
     * @throws TierNotFoundException if the shop has no such tier; nothing changes
     * @throws InvalidTierException if another tier starts at the same spend; nothing changes
     */
    public Tier update(ShopId shop, long tierId, TierDraft draft, String actor) {
        return unique(() -> transactions.inTransaction(() -> {
            Tier before = tiers.lock(shop, tierId).orElseThrow(() -> new TierNotFoundException(tierId));
            refuseSameStart(shop, draft.minSpend(), tierId);
            Tier after = tiers.update(shop, tierId, draft);
            if (before.equals(after)) {
                return after;
            }
            Map<String, Object> details = describe("old", before);
            details.putAll(describe("new", after));
            if (before.minSpend().compareTo(after.minSpend()) != 0) {
                details.put("customersMoved", refresh.refresh(shop));
            }
            audit.record(shop, actor, "tier.update", subject(tierId), details);
            return after;
        }));
    }

    /**
     * Deletes the tier; its members move at once to the tier their spend reaches without it (or to
     * none). Returns how many members it had.
     *
     * @throws TierNotFoundException if the shop has no such tier; nothing changes
     */
    public int delete(ShopId shop, long tierId, String actor) {
        return transactions.inTransaction(() -> {
            Tier before = tiers.lock(shop, tierId).orElseThrow(() -> new TierNotFoundException(tierId));
            int members = tiers.releaseMembers(shop, tierId);
            tiers.delete(shop, tierId);
            refresh.refresh(shop);
            Map<String, Object> details = describe("old", before);
            details.put("members", members);
            audit.record(shop, actor, "tier.delete", subject(tierId), details);
            return members;
        });
    }

    private void refuseSameStart(ShopId shop, BigDecimal minSpend, Long exceptTierId) {
        tiers.startingAt(shop, minSpend, exceptTierId).ifPresent(other -> {
            throw sameStart(other.name());
        });
    }

    private static InvalidTierException sameStart(String otherName) {
        return new InvalidTierException(Map.of(
                "minSpend",
                (otherName == null ? "Another tier" : "The tier " + otherName)
                        + " already starts at this spend: each tier needs its own minimum spend."));
    }

    /** A concurrent tier at the same spend is caught by the unique key; it is the same refusal. */
    private static <T> T unique(java.util.function.Supplier<T> work) {
        try {
            return work.get();
        } catch (RuntimeException e) {
            if (Transactions.hasSqlState(e, UNIQUE_VIOLATION)) {
                throw sameStart(null);
            }
            throw e;
        }
    }

    private static Map<String, Object> describe(String prefix, Tier tier) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put(prefix + "Name", tier.name());
        details.put(prefix + "MinSpend", tier.minSpend().stripTrailingZeros().toPlainString());
        details.put(
                prefix + "Multiplier",
                tier.earnMultiplier().stripTrailingZeros().toPlainString());
        return details;
    }

    private static String subject(long tierId) {
        return "tier:" + tierId;
    }
}
