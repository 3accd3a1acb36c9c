package io.loyaltyloop.review;

import io.loyaltyloop.audit.AuditLog;
import io.loyaltyloop.loyalty.LoyaltyService;
import io.loyaltyloop.shop.ShopId;
import io.loyaltyloop.shop.ShopNotFoundException;
import io.loyaltyloop.shop.ShopService;
import io.loyaltyloop.system.CustomerText;
import io.loyaltyloop.system.Transactions;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;
import org.springframework.stereotype.Service;

/**
 * Reviews: taking a customer's review, moderating it (the auto-publish rule, approve, reject with a
 * reason, the merchant's reply), the review incentive, and the published reviews and ratings.
 *
 * <p>Invariants: one review per order item; only published reviews are shown or counted; a review
 * earns the incentive at most once, however often it is approved, and a customer's reviews earn it
 * at most {@link ReviewSettings#incentiveMonthlyCap()} times per calendar month of the shop.
 */
@Service
public class ReviewService {

    private final ReviewRepository repository;
    private final Transactions transactions;
    private final LoyaltyService loyalty;
    private final ShopService shops;
    private final AuditLog audit;
    private final Clock clock;

    public ReviewService(DSLContext dsl, Clock clock, LoyaltyService loyalty, ShopService shops) {
        this.repository = new ReviewRepository(dsl);
        this.transactions = new Transactions(dsl);
        this.loyalty = loyalty;
        this.shops = shops;
        this.audit = new AuditLog(dsl);
        this.clock = clock;
    }

    List<ReviewableItem> items(ShopId shop, long orderId) {
        return repository.items(shop, orderId, null);
    }

    List<OpenReviewItem> openItems(ShopId shop, long customerId, Instant paidSince, int limit) {
        return repository.openItems(shop, customerId, paidSince, limit);
    }

    Optional<ReviewableItem> item(ReviewLink link) {
        return repository.items(link.shop(), link.orderId(), link.productId()).stream()
                .findFirst();
    }

    boolean anySubmitted(ShopId shop, long orderId) {
        return repository.anySubmitted(shop, orderId);
    }

    boolean shopActive(ShopId shop) {
        try {
            return shops.getShop(shop).active();
        } catch (ShopNotFoundException e) {
            return false;
        }
    }

    /**
     * Stores a valid review for the link's item, publishing it at once when the shop's rule says so.
     * Empty when the item was reviewed already (nothing is stored).
     */
    Optional<Review> submit(ReviewLink link, ReviewableItem item, ReviewForm form) {
        ShopId shop = link.shop();
        return transactions.inTransaction(() -> {
            if (item.customerId() != null) {
                loyalty.lockCustomer(shop, item.customerId());
            }
            Optional<Long> id = repository.insert(shop, link.orderId(), item, form, clock.instant());
            id.ifPresent(reviewId -> {
                if (AutoPublishRule.publishesAtOnce(settings(shop), form.rating(), form.title(), form.body())) {
                    publish(shop, repository.lock(shop, reviewId).orElseThrow());
                }
            });
            return id.map(reviewId -> repository.find(shop, reviewId).orElseThrow());
        });
    }

    /** Publishes the review (from pending or rejected) and credits the incentive once. Idempotent. */
    public Review approve(ShopId shop, long reviewId, String actor) {
        return transactions.inTransaction(() -> {
            Review review = lockWithCustomer(shop, reviewId);
            if (review.status() != ReviewStatus.PUBLISHED || !repository.incentivized(shop, reviewId)) {
                publish(shop, review);
                audit.record(shop, actor, "review.approved", "review:" + reviewId, Map.of());
            }
            return getReview(shop, reviewId);
        });
    }

    /**
     * Takes the review off (or keeps it from) the storefront, with the reason the merchant gives. A
     * credited incentive stays: the customer wrote the review in good faith when it was published.
     */
    public Review reject(ShopId shop, long reviewId, String reason, String actor) {
        String why = CustomerText.normalise(reason);
        if (why == null || why.length() > 500 || CustomerText.hasControlCharacters(why, true)) {
            throw new IllegalArgumentException("a rejection needs a reason of 1 to 500 characters");
        }
        return transactions.inTransaction(() -> {
            repository.lock(shop, reviewId).orElseThrow(() -> new ReviewNotFoundException(shop, reviewId));
            repository.setStatus(shop, reviewId, ReviewStatus.REJECTED, why, clock.instant());
            audit.record(shop, actor, "review.rejected", "review:" + reviewId, Map.of("reason", why));
            return getReview(shop, reviewId);
        });
    }

    /** Sets the merchant's public reply (1–5000 characters); null or blank removes it. */
    public Review reply(ShopId shop, long reviewId, String reply, String actor) {
        String text = CustomerText.normalise(reply);
        if (text != null && (CustomerText.length(text) > 5000 || CustomerText.hasControlCharacters(text, true))) {
            throw new IllegalArgumentException("a reply is limited to 5000 characters, without control characters");
        }
        return transactions.inTransaction(() -> {
            if (!repository.reply(shop, reviewId, text, clock.instant())) {
                throw new ReviewNotFoundException(shop, reviewId);
            }
            audit.record(shop, actor, "review.replied", "review:" + reviewId, Map.of("removed", text == null));
            return getReview(shop, reviewId);
        });
    }

    public Review getReview(ShopId shop, long reviewId) {
        return repository.find(shop, reviewId).orElseThrow(() -> new ReviewNotFoundException(shop, reviewId));
    }

    /** The moderation list. */
    public List<Review> list(ShopId shop, ReviewQuery query) {
        return repository.list(shop, query);
    }

    /** Published reviews with their text, newest first; for one product, or the shop when null. */
    public List<Review> published(ShopId shop, String productId, int limit) {
        return repository.published(shop, productId, Math.clamp(limit, 1, 20_000));
    }

    public ProductRating rating(ShopId shop, String productId) {
        return repository.rating(shop, productId);
    }

    public ReviewSettings settings(ShopId shop) {
        return repository.settings(shop).orElse(ReviewSettings.DEFAULTS);
    }

    public void updateSettings(ShopId shop, ReviewSettings settings, String actor) {
        transactions.run(() -> {
            repository.saveSettings(shop, settings, clock.instant());
            audit.record(shop, actor, "review.settings.updated", "review-settings", Map.of());
        });
    }

    /** Locks the customer's balance row before the review, the engine's lock order. */
    private Review lockWithCustomer(ShopId shop, long reviewId) {
        Review unlocked = getReview(shop, reviewId);
        if (unlocked.customerId() != null) {
            loyalty.lockCustomer(shop, unlocked.customerId());
        }
        return repository.lock(shop, reviewId).orElseThrow(() -> new ReviewNotFoundException(shop, reviewId));
    }

    /** Under the customer's and the review's locks. */
    private void publish(ShopId shop, Review review) {
        Instant now = clock.instant();
        repository.setStatus(shop, review.reviewId(), ReviewStatus.PUBLISHED, null, now);
        ReviewSettings settings = settings(shop);
        if (review.customerId() == null
                || review.incentivized()
                || settings.incentivePoints() <= 0
                || repository.incentivized(shop, review.reviewId())) {
            return;
        }
        ZoneId zone = shops.getShop(shop).timezone();
        LocalDate month = now.atZone(zone).toLocalDate().withDayOfMonth(1);
        int earned = repository.incentivesBetween(
                shop,
                review.customerId(),
                month.atStartOfDay(zone).toInstant(),
                month.plusMonths(1).atStartOfDay(zone).toInstant());
        if (earned >= settings.incentiveMonthlyCap()) {
            return;
        }
        long entryId = loyalty.creditReview(
                shop, review.customerId(), settings.incentivePoints(), "review:" + review.reviewId());
        repository.markIncentivized(shop, review.reviewId(), settings.incentivePoints(), entryId, now);
    }
}
