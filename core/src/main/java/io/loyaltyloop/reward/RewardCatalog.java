package io.loyaltyloop.reward;

import io.loyaltyloop.audit.AuditLog;
import io.loyaltyloop.shop.ShopId;
import io.loyaltyloop.system.Transactions;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jooq.DSLContext;

/**
 * The merchant's side of rewards: list, create, edit, deactivate and reactivate, each write audited
 * in its own transaction. Rewards are never deleted, since redemptions refer to them.
 *
 * <p>An edit applies to redemptions made after it. A redemption copies the reward's kind, value
 * and cost when it reserves the points, and the host's discount is issued from that copy, so a
 * code reserved or issued before the edit keeps the value the customer paid for.
 */
public class RewardCatalog {

    private final Transactions transactions;
    private final RewardRepository rewards;
    private final AuditLog audit;

    public RewardCatalog(DSLContext dsl) {
        this.transactions = new Transactions(dsl);
        this.rewards = new RewardRepository(dsl);
        this.audit = new AuditLog(dsl);
    }

    /** Every reward of the shop, active first, cheapest first, with how many were redeemed. */
    public List<RewardListing> listing(ShopId shop) {
        return rewards.listing(shop);
    }

    /** @throws RewardNotFoundException if the shop has no such reward, active or not */
    public Reward get(ShopId shop, long rewardId) {
        return rewards.findAny(shop, rewardId).orElseThrow(() -> new RewardNotFoundException(rewardId));
    }

    public Reward create(ShopId shop, RewardDraft draft, String actor) {
        return transactions.inTransaction(() -> {
            Reward created = rewards.insert(shop, draft);
            audit.record(shop, actor, "reward.create", subject(created.id()), describe("new", created));
            return created;
        });
    }

    /**
     * Changes the reward's name, kind, value and cost; nothing is recorded when nothing changed.
     *
     * @throws RewardNotFoundException if the shop has no such reward; nothing changes
     */
    public Reward update(ShopId shop, long rewardId, RewardDraft draft, String actor) {
        return transactions.inTransaction(() -> {
            Reward before = lock(shop, rewardId);
            Reward after = new Reward(
                    rewardId, draft.name(), draft.kind(), draft.discountValue(), draft.pointsCost(), before.active());
            if (sameOffer(before, after)) {
                return before;
            }
            rewards.update(shop, rewardId, draft);
            Map<String, Object> details = new LinkedHashMap<>(describe("old", before));
            details.putAll(describe("new", after));
            audit.record(shop, actor, "reward.update", subject(rewardId), details);
            return after;
        });
    }

    /** Takes the reward off offer; customers can no longer redeem it. Idempotent (audited once). */
    public Reward deactivate(ShopId shop, long rewardId, String actor) {
        return setActive(shop, rewardId, false, actor);
    }

    /** Offers the reward again. Idempotent (audited once). */
    public Reward activate(ShopId shop, long rewardId, String actor) {
        return setActive(shop, rewardId, true, actor);
    }

    private Reward setActive(ShopId shop, long rewardId, boolean active, String actor) {
        return transactions.inTransaction(() -> {
            Reward before = lock(shop, rewardId);
            if (before.active() == active) {
                return before;
            }
            rewards.setActive(shop, rewardId, active);
            audit.record(
                    shop,
                    actor,
                    active ? "reward.activate" : "reward.deactivate",
                    subject(rewardId),
                    Map.of("name", before.name(), "oldActive", before.active(), "newActive", active));
            return new Reward(
                    rewardId, before.name(), before.kind(), before.discountValue(), before.pointsCost(), active);
        });
    }

    private Reward lock(ShopId shop, long rewardId) {
        return rewards.lockAny(shop, rewardId).orElseThrow(() -> new RewardNotFoundException(rewardId));
    }

    private static boolean sameOffer(Reward a, Reward b) {
        return a.name().equals(b.name())
                && a.kind() == b.kind()
                && a.pointsCost() == b.pointsCost()
                && Objects.equals(plain(a.discountValue()), plain(b.discountValue()));
    }

    private static Map<String, Object> describe(String prefix, Reward reward) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put(prefix + "Name", reward.name());
        details.put(prefix + "Kind", reward.kind().name());
        details.put(prefix + "Value", plain(reward.discountValue()));
        details.put(prefix + "Cost", reward.pointsCost());
        return details;
    }

    private static String plain(BigDecimal value) {
        return value == null ? null : value.stripTrailingZeros().toPlainString();
    }

    private static String subject(long rewardId) {
        return "reward:" + rewardId;
    }
}
