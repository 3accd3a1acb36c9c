package io.loyaltyloop.metrics;

import io.loyaltyloop.shop.ShopId;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.Param;
import org.jooq.Record;
import org.jooq.impl.DSL;

/**
 * The dashboard's reads. Every statement filters on one shop_id and joins only on (shop_id, ...),
 * so no query ever touches another tenant's rows. Times are compared as instants; only bucketing
 * and cohorts convert to the shop's local calendar (date_trunc of {@code t at time zone zone}).
 */
class MetricsRepository {

    /** What each ledger entry contributes to a flow; the same words as {@link Metric}. */
    private static final String ISSUED = """
        case when kind = 'EARN' then pending_delta + available_delta
             when kind = 'REVIEW' then available_delta
             when kind = 'ADJUST' and available_delta > 0 then available_delta else 0 end\
        """;

    private static final String REDEEMED =
            "case when kind in ('REDEEM', 'REDEEM_REFUND') then -available_delta else 0 end";

    /** Paid, non-cancelled orders of the shop paid in [?, ?), with merchandise and refunded amounts. */
    private static final String PAID_ORDERS = """
        paid_orders as (
          select o.order_id, o.customer_id, o.paid_at,
                 coalesce((select sum(l.amount) from order_line l
                           where l.shop_id = o.shop_id and l.order_id = o.order_id), 0) as paid_amount,
                 coalesce((select sum(r.amount) from refund_line r
                           where r.shop_id = o.shop_id and r.order_id = o.order_id), 0) as refunded_amount
          from shop_order o
          where o.shop_id = ? and o.paid_at >= cast(? as timestamptz) and o.paid_at < cast(? as timestamptz) and o.cancelled_at is null)
        """;

    /** Before any shop: the start of "all orders up to the end of the period". */
    private static final Instant BEGINNING = Instant.parse("2000-01-01T00:00:00Z");

    private final DSLContext dsl;

    MetricsRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    record PointFlows(long issued, long reversed, long redeemed, long expired) {}

    PointFlows pointFlows(ShopId shop, Instant start, Instant end) {
        Record r = dsl.fetchSingle(
                "select coalesce(sum(" + ISSUED + "), 0),"
                        + " coalesce(sum(case when kind = 'REVERSE' then -(pending_delta + available_delta)"
                        + "   when kind = 'ADJUST' and available_delta < 0 then -available_delta else 0 end), 0),"
                        + " coalesce(sum(" + REDEEMED + "), 0), coalesce(sum(case when kind = 'EXPIRE' then"
                        + " -available_delta else 0 end), 0) from points_ledger where"
                        + " shop_id = ? and created_at >= cast(? as timestamptz) and"
                        + " created_at < cast(? as timestamptz)",
                shop.value(),
                utc(start),
                utc(end));
        return new PointFlows(asLong(r, 0), asLong(r, 1), asLong(r, 2), asLong(r, 3));
    }

    record Holdings(long members, long outstanding) {}

    /** Members and points outstanding as they stood at the instant (the ledger is append-only). */
    Holdings holdingsAt(ShopId shop, Instant at) {
        Record r = dsl.fetchSingle("""
            select count(distinct customer_id), coalesce(sum(pending_delta + available_delta), 0)
            from points_ledger where shop_id = ? and created_at < cast(? as timestamptz)\
            """, shop.value(), utc(at));
        return new Holdings(asLong(r, 0), asLong(r, 1));
    }

    /** Active fixed-amount rewards as (amount, points cost). */
    List<Kpis.FixedReward> fixedRewards(ShopId shop) {
        return dsl.fetch("""
            select discount_value, points_cost from reward
            where shop_id = ? and active and kind = 'FIXED_AMOUNT'\
            """, shop.value())
                .map(r -> new Kpis.FixedReward(r.get(0, BigDecimal.class), r.get(1, Long.class)));
    }

    record OrderTotals(long orders, long customers, long repeatCustomers, BigDecimal paid, BigDecimal refunded) {}

    OrderTotals orderTotals(ShopId shop, Instant start, Instant end) {
        Record r = dsl.fetchSingle("with " + PAID_ORDERS + """
            , per_customer as (
              select customer_id, count(*) as orders from paid_orders
              where customer_id is not null group by customer_id)
            select (select count(*) from paid_orders),
                   (select count(*) from per_customer),
                   (select count(*) from per_customer where orders >= 2),
                   (select coalesce(sum(paid_amount), 0) from paid_orders),
                   (select coalesce(sum(refunded_amount), 0) from paid_orders)\
            """, shop.value(), utc(start), utc(end));
        return new OrderTotals(
                asLong(r, 0), asLong(r, 1), asLong(r, 2), r.get(3, BigDecimal.class), r.get(4, BigDecimal.class));
    }

    record Revenue(BigDecimal net, long customers) {}

    /** Net revenue of customers' (not guests') orders paid before the instant, and how many customers. */
    Revenue lifetimeRevenue(ShopId shop, Instant end) {
        Record r = dsl.fetchSingle("with " + PAID_ORDERS + """
            select coalesce(sum(paid_amount - refunded_amount), 0), count(distinct customer_id)
            from paid_orders where customer_id is not null\
            """, shop.value(), utc(BEGINNING), utc(end));
        return new Revenue(r.get(0, BigDecimal.class), asLong(r, 1));
    }

    record Churn(long activeBefore, long lapsed) {}

    Churn churn(ShopId shop, Instant previousStart, Instant start, Instant end) {
        Record r = dsl.fetchSingle("""
            with buyers as (
              select customer_id, bool_or(paid_at < cast(? as timestamptz)) as before, bool_or(paid_at >= cast(? as timestamptz)) as now
              from shop_order
              where shop_id = ? and paid_at >= cast(? as timestamptz) and paid_at < cast(? as timestamptz) and cancelled_at is null
                and customer_id is not null
              group by customer_id)
            select count(*) filter (where before), count(*) filter (where before and not now) from buyers\
            """, utc(start), utc(start), shop.value(), utc(previousStart), utc(end));
        return new Churn(asLong(r, 0), asLong(r, 1));
    }

    record Reviews(long delivered, long reviewed) {}

    Reviews reviews(ShopId shop, Instant start, Instant end) {
        Record r = dsl.fetchSingle("""
            select count(*), count(*) filter (where exists (
                     select 1 from review v where v.shop_id = o.shop_id and v.order_id = o.order_id))
            from shop_order o
            where o.shop_id = ? and o.paid_at >= cast(? as timestamptz) and o.paid_at < cast(? as timestamptz) and o.cancelled_at is null
              and exists (select 1 from fulfillment f
                          where f.shop_id = o.shop_id and f.order_id = o.order_id
                            and f.status = 'success' and f.shipment_status = 'delivered')\
            """, shop.value(), utc(start), utc(end));
        return new Reviews(asLong(r, 0), asLong(r, 1));
    }

    record Surveys(long npsAnswers, long promoters, long detractors, long csatAnswers, long satisfied) {}

    Surveys surveys(ShopId shop, Instant start, Instant end) {
        Record r = dsl.fetchSingle("""
            select count(*) filter (where survey_type = 'NPS'),
                   count(*) filter (where survey_type = 'NPS' and score >= 9),
                   count(*) filter (where survey_type = 'NPS' and score <= 6),
                   count(*) filter (where survey_type = 'CSAT'),
                   count(*) filter (where survey_type = 'CSAT' and score >= 4)
            from survey_response where shop_id = ? and responded_at >= cast(? as timestamptz) and responded_at < cast(? as timestamptz)\
            """, shop.value(), utc(start), utc(end));
        return new Surveys(asLong(r, 0), asLong(r, 1), asLong(r, 2), asLong(r, 3), asLong(r, 4));
    }

    /**
     * Cohorts whose month (shop calendar) starts in [firstMonth, end): size and customers paying in
     * each later month, counting orders paid before {@code end}. Months with nobody are absent.
     */
    Map<YearMonth, Map<Integer, Long>> cohorts(ShopId shop, ZoneId zone, YearMonth firstMonth, Instant end) {
        Map<YearMonth, Map<Integer, Long>> cohorts = new HashMap<>();
        dsl.fetch(
                        """
                        with paid as (
                          select customer_id, date_trunc('month', paid_at at time zone ?) as month
                          from shop_order
                          where shop_id = ? and paid_at < cast(? as timestamptz) and cancelled_at is null and customer_id is not null),
                        firsts as (select customer_id, min(month) as cohort from paid group by customer_id)
                        select f.cohort,
                               ((extract(year from p.month) - extract(year from f.cohort)) * 12
                                 + extract(month from p.month) - extract(month from f.cohort))::int,
                               count(distinct p.customer_id)
                        from firsts f join paid p on p.customer_id = f.customer_id
                        where f.cohort >= cast(? as timestamp)
                        group by 1, 2\
                        """,
                        zone.getId(),
                        shop.value(),
                        utc(end),
                        DSL.val(firstMonth.atDay(1).atStartOfDay()))
                .forEach(r -> {
                    YearMonth month = YearMonth.from(r.get(0, LocalDateTime.class));
                    cohorts.computeIfAbsent(month, m -> new HashMap<>()).put(r.get(1, Integer.class), asLong(r, 2));
                });
        return cohorts;
    }

    record BucketCounts(long issued, long redeemed, long orders, long newMembers) {}

    /** Per bucket start (shop calendar), what happened in [start, end); buckets with nothing are absent. */
    Map<LocalDate, BucketCounts> series(ShopId shop, ZoneId zone, Bucket bucket, Instant start, Instant end) {
        Map<LocalDate, long[]> sums = new HashMap<>();
        String tz = zone.getId();
        dsl.fetch(
                        "select date_trunc(?, created_at at time zone ?), coalesce(sum(" + ISSUED + "), 0),"
                                + " coalesce(sum(" + REDEEMED + "), 0) from points_ledger where shop_id = ? and"
                                + " created_at >= cast(? as timestamptz) and created_at"
                                + " < cast(? as timestamptz) group by 1",
                        bucket.sqlUnit,
                        tz,
                        shop.value(),
                        utc(start),
                        utc(end))
                .forEach(r -> {
                    long[] s = sums.computeIfAbsent(day(r), d -> new long[4]);
                    s[0] = asLong(r, 1);
                    s[1] = asLong(r, 2);
                });
        dsl.fetch("""
            select date_trunc(?, paid_at at time zone ?), count(*) from shop_order
            where shop_id = ? and paid_at >= cast(? as timestamptz) and paid_at < cast(? as timestamptz) and cancelled_at is null group by 1\
            """, bucket.sqlUnit, tz, shop.value(), utc(start), utc(end))
                .forEach(r -> sums.computeIfAbsent(day(r), d -> new long[4])[2] = asLong(r, 1));
        dsl.fetch("""
            select date_trunc(?, joined at time zone ?), count(*)
            from (select min(created_at) as joined from points_ledger where shop_id = ?
                  group by customer_id) m
            where joined >= cast(? as timestamptz) and joined < cast(? as timestamptz) group by 1\
            """, bucket.sqlUnit, tz, shop.value(), utc(start), utc(end))
                .forEach(r -> sums.computeIfAbsent(day(r), d -> new long[4])[3] = asLong(r, 1));
        Map<LocalDate, BucketCounts> counts = new HashMap<>();
        sums.forEach((d, s) -> counts.put(d, new BucketCounts(s[0], s[1], s[2], s[3])));
        return counts;
    }

    private static LocalDate day(Record r) {
        return r.get(0, LocalDateTime.class).toLocalDate();
    }

    private static long asLong(Record r, int index) {
        Long value = r.get(index, Long.class);
        return value == null ? 0 : value;
    }

    /** Sent as text by plain SQL, hence the casts to timestamptz in the statements. */
    private static Param<OffsetDateTime> utc(Instant instant) {
        return DSL.val(instant.atOffset(ZoneOffset.UTC));
    }
}
