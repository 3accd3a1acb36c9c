package io.loyaltyloop.storefront;

import io.loyaltyloop.loyalty.EarningRule;
import io.loyaltyloop.loyalty.EarningService;
import io.loyaltyloop.review.ReviewService;
import io.loyaltyloop.reward.RewardService;
import io.loyaltyloop.shop.Platform;
import io.loyaltyloop.shop.ProgramSettings;
import io.loyaltyloop.shop.Shop;
import io.loyaltyloop.shop.ShopService;
import io.loyaltyloop.storefront.ProgramState.ProgramView;
import io.loyaltyloop.storefront.ProgramState.ShopView;
import io.loyaltyloop.storefront.ProgramState.WayToEarn;
import io.loyaltyloop.tier.TierService;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Each shop's {@link ProgramSnapshot}, kept in memory so a storefront call reads one row for the
 * shop's program instead of six. Never stale: every use compares the shop's {@code
 * program_version}, which the database bumps on any change to the shop, its settings, rule, tiers,
 * rewards or review settings — whichever instance or path made it. Bounded in size and age ({@link
 * StorefrontProperties}).
 */
@Component
@EnableConfigurationProperties(StorefrontProperties.class)
class ProgramSnapshots {

    private record Key(Platform platform, String platformShopKey) {}

    private final ConcurrentHashMap<Key, ProgramSnapshot> snapshots = new ConcurrentHashMap<>();
    private final StorefrontRepository repository;
    private final ShopService shops;
    private final EarningService earning;
    private final TierService tiers;
    private final RewardService rewards;
    private final ReviewService reviews;
    private final long ttlNanos;
    private final int maxShops;

    ProgramSnapshots(
            StorefrontRepository repository,
            ShopService shops,
            EarningService earning,
            TierService tiers,
            RewardService rewards,
            ReviewService reviews,
            StorefrontProperties properties) {
        this.repository = repository;
        this.shops = shops;
        this.earning = earning;
        this.tiers = tiers;
        this.rewards = rewards;
        this.reviews = reviews;
        this.ttlNanos = properties.programCacheTtl().toNanos();
        this.maxShops = properties.programCacheShops();
    }

    /** The shop's current program, installed or not; empty when no such shop is known. */
    Optional<ProgramSnapshot> current(Platform platform, String platformShopKey) {
        return find(platform, platformShopKey, true);
    }

    /**
     * The kept program without comparing its version: for a caller that reads the shop's version in
     * its own query and calls {@link #reload} when it differs ({@link StorefrontState} does).
     */
    Optional<ProgramSnapshot> unchecked(Platform platform, String platformShopKey) {
        return find(platform, platformShopKey, false);
    }

    /** The shop's program read again now; empty when the shop no longer exists. */
    Optional<ProgramSnapshot> reload(Shop shop) {
        return reload(shop.platform(), shop.platformShopKey());
    }

    private Optional<ProgramSnapshot> find(Platform platform, String platformShopKey, boolean checkVersion) {
        ProgramSnapshot cached = snapshots.get(new Key(platform, platformShopKey));
        if (cached != null
                && System.nanoTime() - cached.loadedAtNanos() < ttlNanos
                // Unchecked only while installed: a caller's own check never runs for an uninstalled shop.
                && ((!checkVersion && cached.shop().active())
                        || repository.programVersion(cached.shop().id()) == cached.version())) {
            return Optional.of(cached);
        }
        return reload(platform, platformShopKey);
    }

    private Optional<ProgramSnapshot> reload(Platform platform, String platformShopKey) {
        Key key = new Key(platform, platformShopKey);
        Optional<ProgramSnapshot> loaded =
                shops.findShop(platform, platformShopKey).map(this::load);
        loaded.ifPresentOrElse(snapshot -> keep(key, snapshot), () -> snapshots.remove(key));
        return loaded;
    }

    private ProgramSnapshot load(Shop found) {
        // The version first: a change committed while the parts are read leaves a newer version.
        long version = repository.programVersion(found.id());
        Shop shop = shops.getShop(found.id());
        ProgramSettings settings = shops.settings(shop.id());
        EarningRule rule = earning.rule(shop.id());
        List<WayToEarn> ways = new ArrayList<>();
        ways.add(StorefrontState.orderWay(rule.pointsPerUnit()));
        long reviewPoints = reviews.settings(shop.id()).incentivePoints();
        if (reviewPoints > 0) {
            ways.add(new WayToEarn("REVIEW", reviewPoints, null));
        }
        return new ProgramSnapshot(
                shop,
                version,
                System.nanoTime(),
                settings.tierWindowMonths(),
                tiers.ladder(shop.id()),
                rewards.rewards(shop.id()),
                new ShopView(shop.name(), shop.currency().getCurrencyCode()),
                new ProgramView(
                        StorefrontState.plain(rule.pointsPerUnit()), settings.pendingDays(), List.copyOf(ways)));
    }

    private void keep(Key key, ProgramSnapshot snapshot) {
        if (snapshots.size() >= maxShops && !snapshots.containsKey(key)) {
            // Rarely reached (more shops than the bound): any entry will do, it is read again on use.
            Iterator<Key> any = snapshots.keySet().iterator();
            if (any.hasNext()) {
                snapshots.remove(any.next());
            }
        }
        snapshots.put(key, snapshot);
    }
}
