package io.loyaltyloop.shopify.sync;

import io.loyaltyloop.shop.ShopId;
import io.loyaltyloop.shopify.admin.AdminUserError;
import io.loyaltyloop.shopify.admin.AdminUserErrorsException;
import io.loyaltyloop.system.RetryBackoff;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies changed balances to the customers' {@code $app.points} metafield, 25 to a call, shop by
 * shop. Only balances that changed since they were last sent are taken (the {@code points_mirror}
 * trigger marks them), so a quiet shop costs nothing. A shop that fails (throttled past the
 * client's retries, down, no token) keeps the rest of its balances for a later run, with backoff;
 * the mirror never gives up, since the value is only a copy of the ledger.
 */
public class PointsMirrorSync {

    private static final Logger log = LoggerFactory.getLogger(PointsMirrorSync.class);

    private final PointsMirrorRepository mirror;
    private final AdminPointsMirror shopify;
    private final PointsMirrorProperties properties;
    private final Clock clock;

    PointsMirrorSync(DSLContext dsl, AdminPointsMirror shopify, PointsMirrorProperties properties, Clock clock) {
        this.mirror = new PointsMirrorRepository(dsl);
        this.shopify = shopify;
        this.properties = properties;
        this.clock = clock;
    }

    /** One round: takes due changed balances and sends them. Returns how many it took. */
    public int syncOnce() {
        mirror.dropUnmirrorable();
        Instant now = clock.instant();
        List<PointsMirrorRepository.Pending> taken =
                mirror.claimDue(now, now.plus(properties.lease()), properties.batchSize());
        Map<ShopId, List<PointsMirrorRepository.Pending>> byShop = new LinkedHashMap<>();
        taken.forEach(
                p -> byShop.computeIfAbsent(p.shop(), s -> new ArrayList<>()).add(p));
        byShop.values().forEach(this::sendShop);
        return taken.size();
    }

    private void sendShop(List<PointsMirrorRepository.Pending> balances) {
        for (int from = 0; from < balances.size(); from += AdminPointsMirror.MAX_PER_CALL) {
            List<PointsMirrorRepository.Pending> call =
                    balances.subList(from, Math.min(from + AdminPointsMirror.MAX_PER_CALL, balances.size()));
            String shop = call.getFirst().shopDomain();
            try {
                shopify.mirror(
                        shop, call.stream().map(PointsMirrorSync::balance).toList());
                Instant now = clock.instant();
                call.forEach(p -> mirror.mirrored(p, now));
            } catch (AdminUserErrorsException e) {
                // The call is atomic: nothing was written. Blame the balances Shopify named (a
                // customer deleted in Shopify, say); the others go again in the next run.
                Set<Integer> refused = refusedIndexes(e);
                List<PointsMirrorRepository.Pending> innocent = new ArrayList<>();
                for (int i = 0; i < call.size(); i++) {
                    if (refused.isEmpty() || refused.contains(i)) {
                        fail(call.get(i), e);
                    } else {
                        innocent.add(call.get(i));
                    }
                }
                mirror.release(innocent);
            } catch (RuntimeException e) {
                // The shop is unreachable or out of budget: the rest of its balances wait too.
                balances.subList(from, balances.size()).forEach(p -> fail(p, e));
                log.info(
                        "points mirror for {}: {} balances wait for a retry: {}",
                        shop,
                        balances.size() - from,
                        e.toString());
                return;
            }
        }
    }

    private void fail(PointsMirrorRepository.Pending pending, RuntimeException e) {
        mirror.failed(
                pending,
                RetryBackoff.describe(e),
                clock.instant().plus(properties.backoff().after(pending.attempts() + 1)));
    }

    /** The indexes in {@code metafields} of the inputs Shopify refused (field {@code [metafields, i, …]}). */
    private static Set<Integer> refusedIndexes(AdminUserErrorsException e) {
        Set<Integer> indexes = new HashSet<>();
        for (AdminUserError error : e.userErrors()) {
            List<String> field = error.field();
            if (field.size() >= 2
                    && "metafields".equals(field.get(0))
                    && field.get(1).matches("[0-9]{1,2}")) {
                indexes.add(Integer.parseInt(field.get(1)));
            }
        }
        return indexes;
    }

    private static AdminPointsMirror.Balance balance(PointsMirrorRepository.Pending p) {
        return new AdminPointsMirror.Balance("gid://shopify/Customer/" + p.externalId(), p.available());
    }
}
