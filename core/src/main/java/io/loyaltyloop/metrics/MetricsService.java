package io.loyaltyloop.metrics;

import io.loyaltyloop.shop.Shop;
import io.loyaltyloop.shop.ShopId;
import io.loyaltyloop.shop.ShopService;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;

/**
 * The dashboard's facade: a shop's KPIs and chart series for a period of calendar days in the
 * shop's time zone. Read-only; each call runs a handful of aggregate queries, all on one shop.
 * Definitions: {@link Metric}.
 */
public class MetricsService {

    private final ShopService shops;
    private final MetricsRepository repository;

    public MetricsService(DSLContext dsl) {
        this.shops = new ShopService(dsl);
        this.repository = new MetricsRepository(dsl);
    }

    /** @throws io.loyaltyloop.shop.ShopNotFoundException for an unknown shop */
    public Dashboard dashboard(ShopId shopId, Period period) {
        Shop shop = shops.getShop(shopId);
        ZoneId zone = shop.timezone();
        Instant start = period.start(zone);
        Instant end = period.end(zone);

        MetricsRepository.PointFlows flows = repository.pointFlows(shopId, start, end);
        MetricsRepository.Holdings before = repository.holdingsAt(shopId, start);
        MetricsRepository.Holdings after = repository.holdingsAt(shopId, end);
        List<Kpis.FixedReward> rewards = repository.fixedRewards(shopId);
        MetricsRepository.OrderTotals orders = repository.orderTotals(shopId, start, end);
        MetricsRepository.Revenue revenue = repository.lifetimeRevenue(shopId, end);
        MetricsRepository.Churn churn =
                repository.churn(shopId, period.previous().start(zone), start, end);
        MetricsRepository.Reviews reviews = repository.reviews(shopId, start, end);
        MetricsRepository.Surveys surveys = repository.surveys(shopId, start, end);

        return new Dashboard(
                period,
                shop.currency(),
                after.members(),
                after.members() - before.members(),
                flows.issued(),
                flows.reversed(),
                flows.redeemed(),
                flows.expired(),
                after.outstanding(),
                Kpis.bestReward(rewards).map(Kpis.FixedReward::valuePerPoint),
                Kpis.liability(after.outstanding(), rewards, shop.currency()),
                Kpis.ratio(flows.redeemed(), flows.issued()),
                Kpis.ratio(orders.repeatCustomers(), orders.customers()),
                Kpis.lifetimeValue(revenue.net(), revenue.customers(), shop.currency()),
                Kpis.churn(churn.activeBefore(), churn.lapsed()),
                Kpis.ratio(orders.refunded(), orders.paid()),
                Kpis.ratio(reviews.reviewed(), reviews.delivered()),
                Kpis.nps(surveys.promoters(), surveys.detractors(), surveys.npsAnswers()),
                Kpis.csat(surveys.satisfied(), surveys.csatAnswers()),
                cohorts(shopId, zone, period, end));
    }

    /**
     * What the given points are worth at the shop's best fixed-amount reward (as the liability on the
     * dashboard), e.g. for the program dry run's "adds N points ($X) of liability". Empty without a
     * fixed-amount reward.
     */
    public Optional<BigDecimal> liabilityOf(ShopId shopId, long points) {
        return Kpis.liability(
                points, repository.fixedRewards(shopId), shops.getShop(shopId).currency());
    }

    /**
     * The chart series: one point per bucket overlapping the period, empty buckets included, the
     * first bucket starting on or before the period's first day.
     */
    public List<SeriesPoint> series(ShopId shopId, Period period, Bucket bucket) {
        ZoneId zone = shops.getShop(shopId).timezone();
        Instant start = period.start(zone);
        Map<LocalDate, MetricsRepository.BucketCounts> counts =
                repository.series(shopId, zone, bucket, start, period.end(zone));
        long members = repository.holdingsAt(shopId, start).members();
        List<SeriesPoint> points = new ArrayList<>();
        MetricsRepository.BucketCounts none = new MetricsRepository.BucketCounts(0, 0, 0, 0);
        for (LocalDate day = bucket.floor(period.from()); day.isBefore(period.to()); day = bucket.next(day)) {
            MetricsRepository.BucketCounts c = counts.getOrDefault(day, none);
            members += c.newMembers();
            points.add(new SeriesPoint(day, c.issued(), c.redeemed(), c.orders(), c.newMembers(), members));
        }
        return points;
    }

    /** Cohorts of the months the period touches, each followed to the period's last month. */
    private List<Cohort> cohorts(ShopId shopId, ZoneId zone, Period period, Instant end) {
        YearMonth first = YearMonth.from(period.from());
        YearMonth last = YearMonth.from(period.to().minusDays(1));
        Map<YearMonth, Map<Integer, Long>> found = repository.cohorts(shopId, zone, first, end);
        List<Cohort> cohorts = new ArrayList<>();
        for (YearMonth month = first; !month.isAfter(last); month = month.plusMonths(1)) {
            Map<Integer, Long> byOffset = found.get(month);
            if (byOffset == null) {
                continue;
            }
            List<Long> retained = new ArrayList<>();
            for (int k = 0; !month.plusMonths(k).isAfter(last); k++) {
                retained.add(byOffset.getOrDefault(k, 0L));
            }
            cohorts.add(new Cohort(month, byOffset.getOrDefault(0, 0L), retained));
        }
        return cohorts;
    }
}
