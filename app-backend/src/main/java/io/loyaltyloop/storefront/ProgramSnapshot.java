package io.loyaltyloop.storefront;

import io.loyaltyloop.reward.Reward;
import io.loyaltyloop.shop.Shop;
import io.loyaltyloop.storefront.ProgramState.ProgramView;
import io.loyaltyloop.storefront.ProgramState.ShopView;
import io.loyaltyloop.tier.TierLadder;
import java.util.List;

/**
 * What every customer of a shop sees alike, read once and kept by {@link ProgramSnapshots}: valid
 * as long as the shop's {@code program_version} is still {@code version}.
 *
 * @param version the shop's program version read before the parts (a change during the read
 *     therefore shows as a newer version on the next call)
 * @param loadedAtNanos {@link System#nanoTime()} when read, for the TTL
 */
record ProgramSnapshot(
        Shop shop,
        long version,
        long loadedAtNanos,
        int tierWindowMonths,
        TierLadder ladder,
        List<Reward> rewards,
        ShopView shopView,
        ProgramView program) {}
