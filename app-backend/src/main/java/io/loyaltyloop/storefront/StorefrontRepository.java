package io.loyaltyloop.storefront;

import static io.loyaltyloop.db.Tables.CUSTOMER;
import static io.loyaltyloop.db.Tables.POINTS_ACCOUNT;
import static io.loyaltyloop.db.Tables.PROGRAM_VERSION;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.max;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.val;

import io.loyaltyloop.loyalty.TierSpend;
import io.loyaltyloop.review.OpenReviewItem;
import io.loyaltyloop.review.OpenReviewItems;
import io.loyaltyloop.reward.CustomerCode;
import io.loyaltyloop.reward.CustomerCodes;
import io.loyaltyloop.shop.ShopId;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Record1;
import org.jooq.Table;
import org.springframework.stereotype.Component;

/**
 * The storefront's reads: a shop's program version, and everything about one customer in one
 * query. The parts owned by other features (tier spend, codes, open reviews) are their own query
 * parts, nested here, so each has one definition.
 */
@Component
class StorefrontRepository {

    private final DSLContext dsl;
    private final RenderedRead read;

    StorefrontRepository(DSLContext dsl) {
        this.dsl = dsl;
        this.read = RenderedRead.render(dsl);
    }

    /** 0 until the shop's program was first changed (the triggers create the row). */
    long programVersion(ShopId shop) {
        return dsl.select(PROGRAM_VERSION.VERSION)
                .from(PROGRAM_VERSION)
                .where(PROGRAM_VERSION.SHOP_ID.eq(shop.value()))
                .fetchOptional(PROGRAM_VERSION.VERSION)
                .orElse(0L);
    }

    /**
     * The shop's program version and, for a signed-in customer the shop knows, their name, points,
     * qualifying spend over the tier window, codes (at most {@link StorefrontState#MAX_CODES}) and
     * open reviews (at most {@link StorefrontState#MAX_REVIEWS}): one query, one row.
     *
     * @param externalId the host's customer id; null for a guest
     */
    StateRead read(ShopId shop, String externalId, Instant tierWindowStart, Instant now) {
        Record r = dsl.connectionResult(connection -> {
            // Plain JDBC with the rendered text: jOOQ's plain-SQL templating would scan it on every
            // call; jOOQ still reads the row (the codes and reviews nested as JSON) by the fields.
            try (PreparedStatement statement = connection.prepareStatement(read.sql())) {
                Object[] binds = read.binds(shop.value(), externalId, tierWindowStart, now);
                for (int i = 0; i < binds.length; i++) {
                    statement.setObject(i + 1, binds[i]);
                }
                try (ResultSet rows = statement.executeQuery()) {
                    return dsl.fetchSingle(rows, read.fields());
                }
            }
        });
        Long customerId = r.get(CUSTOMER.CUSTOMER_ID);
        return new StateRead(
                r.get(read.version()),
                customerId == null
                        ? Optional.empty()
                        : Optional.of(new CustomerState(
                                customerId,
                                r.get(CUSTOMER.FIRST_NAME),
                                r.get(read.available()),
                                r.get(read.pending()),
                                r.get(read.lifetime()),
                                r.get(read.spend()),
                                r.get(read.codes()),
                                r.get(read.reviews()))));
    }

    /**
     * The read's query, built and rendered once: jOOQ spends more CPU building and rendering this
     * nested query than PostgreSQL spends running it. Built with sentinel values; each call's values
     * take their bind positions ({@link #binds}).
     */
    private record RenderedRead(
            String sql,
            Object[] template,
            Field<?>[] fields,
            Field<Long> version,
            Field<Long> available,
            Field<Long> pending,
            Field<Long> lifetime,
            Field<BigDecimal> spend,
            Field<List<CustomerCode>> codes,
            Field<List<OpenReviewItem>> reviews) {

        private static final long SHOP = Long.MIN_VALUE + 20260;
        private static final String CUSTOMER_ID = "sentinel-customer-id";
        // Far apart: every instant bound is one of them or a fixed distance from one (the review
        // links' validity before now), whatever the shop's tier window.
        private static final Instant WINDOW_START = Instant.parse("1000-01-01T00:00:00Z");
        private static final Instant NOW = Instant.parse("3000-01-01T00:00:00Z");
        private static final Instant BETWEEN = Instant.parse("2000-01-01T00:00:00Z");

        static RenderedRead render(DSLContext dsl) {
            Field<Long> shopId = val(SHOP);
            Table<Record1<Long>> program = select(
                            coalesce(max(PROGRAM_VERSION.VERSION), inline(0L)).as(PROGRAM_VERSION.VERSION))
                    .from(PROGRAM_VERSION)
                    .where(PROGRAM_VERSION.SHOP_ID.eq(shopId))
                    .asTable("program");
            Field<Long> version = program.field(PROGRAM_VERSION.VERSION);
            Field<Long> available =
                    coalesce(POINTS_ACCOUNT.AVAILABLE, inline(0L)).as("available");
            Field<Long> pending = coalesce(POINTS_ACCOUNT.PENDING, inline(0L)).as("pending");
            Field<Long> lifetime =
                    coalesce(POINTS_ACCOUNT.LIFETIME_EARNED, inline(0L)).as("lifetime");
            Field<BigDecimal> spend = field(TierSpend.asOf(shopId, CUSTOMER.CUSTOMER_ID, WINDOW_START, NOW, 0))
                    .as("spend");
            Field<List<CustomerCode>> codes = CustomerCodes.newestFirst(
                            shopId, CUSTOMER.CUSTOMER_ID, StorefrontState.MAX_CODES)
                    .as("codes");
            Field<List<OpenReviewItem>> reviews = OpenReviewItems.withinLinkValidity(
                            shopId, CUSTOMER.CUSTOMER_ID, NOW, StorefrontState.MAX_REVIEWS)
                    .as("reviews");
            var query = select(
                            version,
                            CUSTOMER.CUSTOMER_ID,
                            CUSTOMER.FIRST_NAME,
                            available,
                            pending,
                            lifetime,
                            spend,
                            codes,
                            reviews)
                    .from(program)
                    .leftJoin(CUSTOMER.leftJoin(POINTS_ACCOUNT)
                            .on(POINTS_ACCOUNT.SHOP_ID.eq(CUSTOMER.SHOP_ID))
                            .and(POINTS_ACCOUNT.CUSTOMER_ID.eq(CUSTOMER.CUSTOMER_ID)))
                    // A guest's null matches no one.
                    .on(CUSTOMER.SHOP_ID.eq(shopId).and(CUSTOMER.EXTERNAL_ID.eq(val(CUSTOMER_ID))));
            return new RenderedRead(
                    dsl.render(query),
                    dsl.extractBindValues(query).toArray(),
                    query.getSelect().toArray(Field<?>[]::new),
                    version,
                    available,
                    pending,
                    lifetime,
                    spend,
                    codes,
                    reviews);
        }

        Object[] binds(long shop, String externalId, Instant windowStart, Instant now) {
            Object[] binds = template.clone();
            for (int i = 0; i < binds.length; i++) {
                if (binds[i] instanceof Long value && value == SHOP) {
                    binds[i] = shop;
                } else if (CUSTOMER_ID.equals(binds[i])) {
                    binds[i] = externalId;
                } else if (binds[i] instanceof OffsetDateTime at) {
                    Instant sentinel = at.toInstant();
                    Instant base = sentinel.isBefore(BETWEEN) ? WINDOW_START : NOW;
                    Instant actual = (base == NOW ? now : windowStart).plus(Duration.between(base, sentinel));
                    binds[i] = actual.atOffset(ZoneOffset.UTC);
                }
            }
            return binds;
        }
    }

    /** The shop's program version as of the read, and the customer, if signed in and known. */
    record StateRead(long programVersion, Optional<CustomerState> customer) {}

    /** One known customer as the storefront shows them; points are zero before any account exists. */
    record CustomerState(
            long customerId,
            String firstName,
            long available,
            long pending,
            long lifetime,
            BigDecimal tierSpend,
            List<CustomerCode> codes,
            List<OpenReviewItem> openReviews) {}
}
