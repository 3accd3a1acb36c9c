package io.loyaltyloop.broadleaf.review;

import io.loyaltyloop.broadleaf.outbox.LoyaltyOutbox;
import java.sql.Timestamp;
import org.broadleafcommerce.core.catalog.service.CatalogService;
import org.broadleafcommerce.core.rating.domain.ReviewDetail;
import org.broadleafcommerce.core.rating.service.RatingService;
import org.broadleafcommerce.core.rating.service.type.RatingType;
import org.broadleafcommerce.profile.core.domain.Customer;
import org.broadleafcommerce.profile.core.service.CustomerService;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.orm.jpa.EntityManagerFactoryUtils;
import org.springframework.orm.jpa.JpaTransactionManager;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes an approved Loyalty Loop review through {@link RatingService#reviewItem} and marks it
 * APPROVED (Broadleaf 3.1 has no setter for the status, hence one UPDATE on its table after the
 * flush). Idempotent per review id through {@code loyalty_review}. Broadleaf keeps one review per
 * customer and product, so a later review of the same product replaces the text.
 */
public class BroadleafReviewWriter {

    /** How a write ended. */
    public enum Outcome {
        STORED,
        ALREADY_STORED,
        UNKNOWN_PRODUCT,
        UNKNOWN_CUSTOMER
    }

    private final RatingService ratingService;
    private final CatalogService catalogService;
    private final CustomerService customerService;
    private final JpaTransactionManager transactionManager;
    private final JdbcTemplate jdbc;

    public BroadleafReviewWriter(
            RatingService ratingService,
            CatalogService catalogService,
            CustomerService customerService,
            JpaTransactionManager transactionManager,
            LoyaltyOutbox outbox) {
        this.ratingService = ratingService;
        this.catalogService = catalogService;
        this.customerService = customerService;
        this.transactionManager = transactionManager;
        this.jdbc = new JdbcTemplate(outbox.dataSource());
    }

    public Outcome write(final ReviewRequest review) {
        return new TransactionTemplate(transactionManager).execute(new TransactionCallback<Outcome>() {
            @Override
            public Outcome doInTransaction(TransactionStatus status) {
                return writeInTransaction(review);
            }
        });
    }

    private Outcome writeInTransaction(ReviewRequest review) {
        if (jdbc.queryForObject(
                        "select count(*) from loyalty_review where review_id = ?", Integer.class, review.reviewId())
                > 0) {
            return Outcome.ALREADY_STORED;
        }
        if (catalogService.findProductById(review.productId()) == null) {
            return Outcome.UNKNOWN_PRODUCT;
        }
        Customer customer = customerService.readCustomerById(review.customerId());
        if (customer == null) {
            return Outcome.UNKNOWN_CUSTOMER;
        }
        String itemId = String.valueOf(review.productId());
        ratingService.reviewItem(itemId, RatingType.PRODUCT, customer, (double) review.rating(), review.text());
        EntityManagerFactoryUtils.getTransactionalEntityManager(transactionManager.getEntityManagerFactory())
                .flush();
        ReviewDetail stored = ratingService.readReviewByCustomerAndItem(customer, itemId);
        jdbc.update(
                "update blc_review_detail set review_status = 'APPROVED' where review_detail_id = ?", stored.getId());
        jdbc.update(
                "insert into loyalty_review (review_id, product_id, customer_id, created_at) values (?, ?, ?, ?)",
                review.reviewId(),
                review.productId(),
                review.customerId(),
                new Timestamp(System.currentTimeMillis()));
        return Outcome.STORED;
    }
}
