package io.loyaltyloop.review;

import io.loyaltyloop.admin.reviews.ReviewModeration;
import io.loyaltyloop.admin.reviews.UnknownReviewsException;
import io.loyaltyloop.audit.AuditLog;
import io.loyaltyloop.loyalty.LoyaltyService;
import io.loyaltyloop.shop.ShopId;
import io.loyaltyloop.system.Transactions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.LongConsumer;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/**
 * The admin's {@link ReviewModeration} port on {@link ReviewService}, which applies the rules,
 * credits the incentive and audits each review's change; this adds the queue's reads and bulk moves.
 *
 * <p>A bulk move is one transaction, all or nothing: every id is checked to be the shop's before
 * anything changes, and the customers' balance rows are locked in id order before any review (the
 * engine's lock order), so two bulk moves over the same customers cannot deadlock each other.
 */
@Component
class AdminReviewModeration implements ReviewModeration {

    private final ReviewService reviews;
    private final ReviewQueueRepository queue;
    private final LoyaltyService loyalty;
    private final Transactions transactions;
    private final AuditLog audit;

    AdminReviewModeration(ReviewService reviews, LoyaltyService loyalty, DSLContext dsl) {
        this.reviews = reviews;
        this.loyalty = loyalty;
        this.queue = new ReviewQueueRepository(dsl);
        this.transactions = new Transactions(dsl);
        this.audit = new AuditLog(dsl);
    }

    @Override
    public List<Row> queue(ShopId shop, Filter filter) {
        return queue.page(shop, filter);
    }

    @Override
    public Counts counts(ShopId shop, Filter filter) {
        return queue.counts(shop, filter);
    }

    @Override
    public Row get(ShopId shop, long reviewId) {
        return one(shop, reviewId);
    }

    @Override
    public List<Product> products(ShopId shop, int limit) {
        return queue.products(shop, limit);
    }

    @Override
    public Row approve(ShopId shop, long reviewId, String actor) {
        return transactions.inTransaction(() -> {
            changedBy(shop, List.of(reviewId), Status.PUBLISHED, id -> reviews.approve(shop, id, actor));
            return one(shop, reviewId);
        });
    }

    @Override
    public Row reject(ShopId shop, long reviewId, String reason, String actor) {
        return transactions.inTransaction(() -> {
            changedBy(shop, List.of(reviewId), Status.REJECTED, id -> reviews.reject(shop, id, reason, actor));
            return one(shop, reviewId);
        });
    }

    @Override
    public Row reply(ShopId shop, long reviewId, String reply, String actor) {
        return transactions.inTransaction(() -> {
            one(shop, reviewId);
            reviews.reply(shop, reviewId, reply, actor);
            return one(shop, reviewId);
        });
    }

    @Override
    public int approveAll(ShopId shop, List<Long> reviewIds, String actor) {
        return transactions.inTransaction(() -> {
            List<Long> changed = changedBy(shop, reviewIds, Status.PUBLISHED, id -> reviews.approve(shop, id, actor));
            if (!changed.isEmpty()) {
                audit.record(shop, actor, "review.bulk_approved", "reviews", bulkDetails(reviewIds, changed));
            }
            return changed.size();
        });
    }

    @Override
    public int rejectAll(ShopId shop, List<Long> reviewIds, String reason, String actor) {
        return transactions.inTransaction(() -> {
            List<Long> changed =
                    changedBy(shop, reviewIds, Status.REJECTED, id -> reviews.reject(shop, id, reason, actor));
            if (!changed.isEmpty()) {
                Map<String, Object> details = new LinkedHashMap<>(bulkDetails(reviewIds, changed));
                details.put("reason", reason.strip());
                audit.record(shop, actor, "review.bulk_rejected", "reviews", details);
            }
            return changed.size();
        });
    }

    @Override
    public Settings settings(ShopId shop) {
        ReviewSettings settings = reviews.settings(shop);
        return new Settings(
                settings.autoPublish(),
                settings.autoPublishMinRating(),
                settings.blockedWords(),
                settings.incentivePoints(),
                settings.incentiveMonthlyCap());
    }

    @Override
    public void updateSettings(ShopId shop, Settings settings, String actor) {
        reviews.updateSettings(
                shop,
                new ReviewSettings(
                        settings.autoPublish(),
                        settings.autoPublishMinRating(),
                        settings.blockedWords(),
                        settings.incentivePoints(),
                        settings.incentiveMonthlyCap()),
                actor);
    }

    /**
     * Applies {@code change} to each review not in {@code target} already, in id order, after checking
     * that every id is the shop's and locking the customers; answers the ids it changed.
     */
    private List<Long> changedBy(ShopId shop, List<Long> reviewIds, Status target, LongConsumer change) {
        List<Long> ids = List.copyOf(new TreeSet<>(reviewIds));
        Set<Long> known = queue.existing(shop, ids);
        if (known.size() != ids.size()) {
            throw new UnknownReviewsException(
                    ids.stream().filter(id -> !known.contains(id)).toList());
        }
        new TreeSet<>(queue.customers(shop, ids).values()).forEach(customer -> loyalty.lockCustomer(shop, customer));
        // Read under the customers' locks, which every approval takes first: the statuses stay true.
        List<Long> changed = queue.byIds(shop, ids).stream()
                .filter(row -> row.status() != target)
                .map(Row::reviewId)
                .toList();
        changed.forEach(change::accept);
        return changed;
    }

    private Row one(ShopId shop, long reviewId) {
        List<Row> found = queue.byIds(shop, List.of(reviewId));
        if (found.isEmpty()) {
            throw new UnknownReviewsException(List.of(reviewId));
        }
        return found.getFirst();
    }

    private static Map<String, Object> bulkDetails(List<Long> requested, List<Long> changed) {
        return Map.of(
                "ids", changed.stream().map(String::valueOf).collect(Collectors.joining(",")),
                "count", changed.size(),
                "requested", requested.size());
    }
}
