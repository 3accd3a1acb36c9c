package io.loyaltyloop.storefront;

import io.loyaltyloop.loyalty.TierSpend;
import io.loyaltyloop.review.ReviewInvitations;
import io.loyaltyloop.shop.Shop;
import io.loyaltyloop.shop.ShopNotFoundException;
import io.loyaltyloop.storefront.ProgramState.CodeView;
import io.loyaltyloop.storefront.ProgramState.CustomerView;
import io.loyaltyloop.storefront.ProgramState.NextTier;
import io.loyaltyloop.storefront.ProgramState.PointsView;
import io.loyaltyloop.storefront.ProgramState.ReviewView;
import io.loyaltyloop.storefront.ProgramState.RewardView;
import io.loyaltyloop.storefront.ProgramState.TierView;
import io.loyaltyloop.storefront.ProgramState.WayToEarn;
import io.loyaltyloop.storefront.StorefrontRepository.CustomerState;
import io.loyaltyloop.storefront.StorefrontRepository.StateRead;
import io.loyaltyloop.tier.Tier;
import io.loyaltyloop.tier.TierLadder;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Builds a customer's program state: the shop's part from its kept {@link ProgramSnapshot}, the
 * customer's part and the shop's current program version in one query ({@link
 * StorefrontRepository#read}); a changed version reloads the snapshot first. One query per call,
 * never one per reward or order.
 */
@Component
public class StorefrontState {

    /** Enough for the panel; older codes stay in the customer's emails. */
    static final int MAX_CODES = 20;

    static final int MAX_REVIEWS = 10;

    private final ProgramSnapshots snapshots;
    private final StorefrontRepository repository;
    private final ReviewInvitations invitations;
    private final Clock clock;

    StorefrontState(
            ProgramSnapshots snapshots, StorefrontRepository repository, ReviewInvitations invitations, Clock clock) {
        this.snapshots = snapshots;
        this.repository = repository;
        this.invitations = invitations;
        this.clock = clock;
    }

    /**
     * The program state {@code GET /proxy/customer} answers for a shop already looked up (any
     * platform): the shop's program, and the customer's points, tier, codes and open reviews.
     *
     * @param customerId the host's customer id; null for a guest (an unknown id gets the program
     *     with no points)
     */
    public ProgramState of(Shop shop, String customerId) {
        ProgramSnapshot kept = snapshots
                .unchecked(shop.platform(), shop.platformShopKey())
                .orElseThrow(() -> new ShopNotFoundException(shop.id().toString()));
        return of(kept, customerId, false);
    }

    /**
     * The same for the proxy, from the program {@link StorefrontRequests} kept: 404 {@code
     * unknown-shop} when the shop turns out to be uninstalled since.
     */
    ProgramState ofInstalled(ProgramSnapshot kept, String customerId) {
        return of(kept, customerId, true);
    }

    private ProgramState of(ProgramSnapshot kept, String customerId, boolean installedOnly) {
        Instant now = clock.instant();
        ProgramSnapshot snapshot = kept;
        StateRead read = read(snapshot, customerId, now);
        if (read.programVersion() != snapshot.version()) {
            // The program changed since it was kept (here or on another instance): read it again,
            // and the customer with it (the tier window may have changed).
            snapshot = snapshots
                    .reload(kept.shop())
                    .filter(p -> !installedOnly || p.shop().active())
                    .orElseThrow(() -> installedOnly
                            ? StorefrontRequests.notInstalled()
                            : new ShopNotFoundException(kept.shop().id().toString()));
            read = read(snapshot, customerId, now);
        }
        return state(snapshot, customerId, read.customer());
    }

    private ProgramState state(ProgramSnapshot snapshot, String customerId, Optional<CustomerState> customer) {
        Shop shop = snapshot.shop();
        boolean known = customer.isPresent();
        long available = customer.map(CustomerState::available).orElse(0L);
        List<RewardView> offered = snapshot.rewards().stream()
                .map(r -> new RewardView(
                        r.id(),
                        r.name(),
                        r.kind().name(),
                        r.discountValue() == null ? null : money(r.discountValue()),
                        r.pointsCost(),
                        known && available >= r.pointsCost()))
                .toList();
        if (!known) {
            CustomerView unknown = customerId == null ? null : new CustomerView(customerId, null);
            return new ProgramState(
                    snapshot.shopView(),
                    unknown,
                    snapshot.program(),
                    PointsView.NONE,
                    null,
                    offered,
                    List.of(),
                    List.of());
        }
        CustomerState state = customer.get();
        List<CodeView> codes = state.codes().stream()
                .map(c -> new CodeView(c.reward(), c.code(), c.status().name(), c.createdAt()))
                .toList();
        List<ReviewView> pending = invitations.linked(shop.id(), state.openReviews()).stream()
                .map(p -> new ReviewView(p.productId(), p.title(), p.orderName(), p.url()))
                .toList();
        return new ProgramState(
                snapshot.shopView(),
                new CustomerView(customerId, state.firstName()),
                snapshot.program(),
                new PointsView(state.available(), state.pending(), state.lifetime()),
                tier(snapshot.ladder(), state.tierSpend()),
                offered,
                codes,
                pending);
    }

    private StateRead read(ProgramSnapshot snapshot, String customerId, Instant now) {
        return repository.read(
                snapshot.shop().id(), customerId, TierSpend.windowStart(now, snapshot.tierWindowMonths()), now);
    }

    /**
     * The tier the spend reaches (the multiplier the next order earns at) and the next one above it
     * ({@code next} null at the top); the whole thing null when the shop has no tiers.
     */
    static TierView tier(TierLadder ladder, BigDecimal spend) {
        if (ladder.tiers().isEmpty()) {
            return null;
        }
        Optional<Tier> reached = ladder.tierFor(spend);
        NextTier next = ladder.nextAbove(spend)
                .map(t -> new NextTier(
                        t.name(), money(t.minSpend()), money(t.minSpend().subtract(spend))))
                .orElse(null);
        return new TierView(
                reached.map(Tier::name).orElse(null),
                plain(reached.map(Tier::earnMultiplier).orElse(BigDecimal.ONE)),
                next);
    }

    /**
     * Whole points per an amount of spend: a whole rate reads "N points per 1.00"; a fractional one
     * "1 point per X" with X rounded up, so the line never promises more than the engine gives.
     */
    static WayToEarn orderWay(BigDecimal pointsPerUnit) {
        BigDecimal rate = pointsPerUnit.stripTrailingZeros();
        if (rate.scale() <= 0) {
            return new WayToEarn("ORDER", rate.longValueExact(), "1.00");
        }
        return new WayToEarn(
                "ORDER", 1, BigDecimal.ONE.divide(rate, 2, RoundingMode.UP).toPlainString());
    }

    static String money(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    static String plain(BigDecimal number) {
        BigDecimal stripped = number.stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
    }
}
