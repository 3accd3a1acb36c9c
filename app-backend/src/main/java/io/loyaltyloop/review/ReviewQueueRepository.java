package io.loyaltyloop.review;

import static io.loyaltyloop.db.Tables.CUSTOMER;
import static io.loyaltyloop.db.Tables.REVIEW;
import static io.loyaltyloop.db.Tables.SHOP_ORDER;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.min;

import io.loyaltyloop.admin.reviews.ReviewModeration.Counts;
import io.loyaltyloop.admin.reviews.ReviewModeration.Filter;
import io.loyaltyloop.admin.reviews.ReviewModeration.Product;
import io.loyaltyloop.admin.reviews.ReviewModeration.Row;
import io.loyaltyloop.admin.reviews.ReviewModeration.Status;
import io.loyaltyloop.shop.ShopId;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;

/**
 * The admin's moderation queue: reviews with their customer and order, filtered and counted. Every
 * query is for one shop; customer and order are joined on the shop too.
 */
class ReviewQueueRepository {

    private final DSLContext dsl;

    ReviewQueueRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    List<Row> page(ShopId shop, Filter filter) {
        Condition condition = matching(shop, filter);
        if (filter.status() != null) {
            condition = condition.and(REVIEW.STATUS.eq(filter.status().name()));
        }
        return rows(condition, filter.limit(), filter.offset());
    }

    /** The reviews with these ids in the shop, in id order; ids of other shops are simply absent. */
    List<Row> byIds(ShopId shop, List<Long> reviewIds) {
        return rows(REVIEW.SHOP_ID.eq(shop.value()).and(REVIEW.REVIEW_ID.in(reviewIds)), reviewIds.size(), 0).stream()
                .sorted(Comparator.comparingLong(Row::reviewId))
                .toList();
    }

    /** Which of these ids are reviews of the shop. */
    Set<Long> existing(ShopId shop, List<Long> reviewIds) {
        return dsl.select(REVIEW.REVIEW_ID)
                .from(REVIEW)
                .where(REVIEW.SHOP_ID.eq(shop.value()))
                .and(REVIEW.REVIEW_ID.in(reviewIds))
                .fetchSet(REVIEW.REVIEW_ID);
    }

    /** The customer of each review that has one (review id → customer id). */
    Map<Long, Long> customers(ShopId shop, List<Long> reviewIds) {
        return dsl.select(REVIEW.REVIEW_ID, REVIEW.CUSTOMER_ID)
                .from(REVIEW)
                .where(REVIEW.SHOP_ID.eq(shop.value()))
                .and(REVIEW.REVIEW_ID.in(reviewIds))
                .and(REVIEW.CUSTOMER_ID.isNotNull())
                .fetchMap(REVIEW.REVIEW_ID, REVIEW.CUSTOMER_ID);
    }

    Counts counts(ShopId shop, Filter filter) {
        Map<String, Integer> byStatus = dsl.select(REVIEW.STATUS, count())
                .from(REVIEW)
                .where(matching(shop, filter))
                .groupBy(REVIEW.STATUS)
                .fetchMap(REVIEW.STATUS, count());
        return new Counts(
                byStatus.getOrDefault(Status.PENDING.name(), 0),
                byStatus.getOrDefault(Status.PUBLISHED.name(), 0),
                byStatus.getOrDefault(Status.REJECTED.name(), 0));
    }

    List<Product> products(ShopId shop, int limit) {
        var title = min(REVIEW.PRODUCT_TITLE);
        return dsl.select(REVIEW.PRODUCT_ID, title)
                .from(REVIEW)
                .where(REVIEW.SHOP_ID.eq(shop.value()))
                .groupBy(REVIEW.PRODUCT_ID)
                .orderBy(title.asc().nullsLast(), REVIEW.PRODUCT_ID)
                .limit(limit)
                .fetch(r -> new Product(r.value1(), r.value2()));
    }

    /** Everything of the filter but the status, which the counts break down. */
    private static Condition matching(ShopId shop, Filter filter) {
        Condition condition = REVIEW.SHOP_ID.eq(shop.value());
        if (filter.rating() != null) {
            condition = condition.and(REVIEW.RATING.eq(filter.rating().shortValue()));
        }
        if (filter.productId() != null) {
            condition = condition.and(REVIEW.PRODUCT_ID.eq(filter.productId()));
        }
        if (filter.text() != null) {
            String pattern = "%" + escapeLike(filter.text()) + "%";
            condition = condition.and(
                    REVIEW.TITLE.likeIgnoreCase(pattern, '!').or(REVIEW.BODY.likeIgnoreCase(pattern, '!')));
        }
        if (filter.submittedFrom() != null) {
            condition = condition.and(REVIEW.SUBMITTED_AT.ge(utc(filter.submittedFrom())));
        }
        if (filter.submittedBefore() != null) {
            condition = condition.and(REVIEW.SUBMITTED_AT.lt(utc(filter.submittedBefore())));
        }
        return condition;
    }

    private List<Row> rows(Condition condition, int limit, int offset) {
        return dsl.select(
                        REVIEW.asterisk(),
                        CUSTOMER.FIRST_NAME,
                        CUSTOMER.LAST_NAME,
                        CUSTOMER.EMAIL,
                        SHOP_ORDER.ORDER_NAME,
                        SHOP_ORDER.EXTERNAL_ID)
                .from(REVIEW)
                .join(SHOP_ORDER)
                .on(SHOP_ORDER.SHOP_ID.eq(REVIEW.SHOP_ID))
                .and(SHOP_ORDER.ORDER_ID.eq(REVIEW.ORDER_ID))
                .leftJoin(CUSTOMER)
                .on(CUSTOMER.SHOP_ID.eq(REVIEW.SHOP_ID))
                .and(CUSTOMER.CUSTOMER_ID.eq(REVIEW.CUSTOMER_ID))
                .where(condition)
                .orderBy(REVIEW.SUBMITTED_AT.desc(), REVIEW.REVIEW_ID.desc())
                .limit(limit)
                .offset(offset)
                .fetch(ReviewQueueRepository::row);
    }

    private static Row row(Record r) {
        String order = r.get(SHOP_ORDER.ORDER_NAME);
        return new Row(
                r.get(REVIEW.REVIEW_ID),
                r.get(REVIEW.RATING),
                r.get(REVIEW.TITLE),
                r.get(REVIEW.BODY),
                r.get(REVIEW.DISPLAY_NAME),
                fullName(r.get(CUSTOMER.FIRST_NAME), r.get(CUSTOMER.LAST_NAME)),
                r.get(CUSTOMER.EMAIL),
                r.get(REVIEW.REDACTED_AT) != null,
                r.get(REVIEW.PRODUCT_ID),
                r.get(REVIEW.PRODUCT_TITLE),
                order != null ? order : r.get(SHOP_ORDER.EXTERNAL_ID),
                r.get(REVIEW.VERIFIED_BUYER),
                r.get(REVIEW.INCENTIVIZED),
                r.get(REVIEW.SUBMITTED_AT).toInstant(),
                Status.valueOf(r.get(REVIEW.STATUS)),
                r.get(REVIEW.REJECT_REASON),
                r.get(REVIEW.MERCHANT_REPLY));
    }

    private static String fullName(String first, String last) {
        String name = ((first == null ? "" : first) + " " + (last == null ? "" : last)).strip();
        return name.isEmpty() ? null : name;
    }

    private static String escapeLike(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
