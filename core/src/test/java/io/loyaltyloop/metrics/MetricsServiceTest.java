package io.loyaltyloop.metrics;

import static io.loyaltyloop.db.Tables.REVIEW;
import static io.loyaltyloop.db.Tables.SHOP_ORDER;
import static io.loyaltyloop.db.Tables.SURVEY_RESPONSE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loyaltyloop.lifecycle.FulfillmentUpdated;
import io.loyaltyloop.loyalty.LoyaltyService;
import io.loyaltyloop.loyalty.ManualAdjustment;
import io.loyaltyloop.reward.Reward;
import io.loyaltyloop.reward.RewardService;
import io.loyaltyloop.shop.Shop;
import io.loyaltyloop.shop.ShopId;
import io.loyaltyloop.shop.ShopNotFoundException;
import io.loyaltyloop.testing.MutableClock;
import io.loyaltyloop.testing.Orders;
import io.loyaltyloop.testing.Shops;
import io.loyaltyloop.testing.TestDatabase;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The dashboard's SQL against a hand-built shop in New York (USD, default program: 1 point per
 * dollar, "5 off" for 500 points) whose answers are worked out in the comments. Orders (paid dates
 * are New York time; C is cancelled, I is never paid, H falls on 1 November local time):
 *
 * <pre>
 *   A  Oct 5 $100 (delivered, 2 reviews), Oct 20 $50
 *   B  Oct 10 $200 (delivered, $50 refunded)
 *   C  Oct 12 $80, cancelled (has a review)
 *   D  Sep 15 $40, Oct 15 $60 (reviewed, not delivered)
 *   E  Sep 10 $30
 *   F  Sep 20 $70, Oct 25 $70 (delivered, reviewed), Oct 26 $10
 *   G  Oct 31 23:30 $20
 *   H  Nov 1 00:30 $25
 *   I  Oct 8 $500, placed only
 *   J  Aug 1 $100, Oct 3 $10
 *   guest Oct 7 $15
 * </pre>
 *
 * Then A gets +600 points by hand, redeems "5 off" (500) and loses 30 by hand. Ledger entries carry
 * the database's time of writing, so the points flows are read over a period around today.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MetricsServiceTest {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final Period OCTOBER = new Period(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 11, 1));

    private final DSLContext dsl = TestDatabase.dsl();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-02T12:00:00Z"));
    private final LoyaltyService loyalty = new LoyaltyService(dsl, clock);
    private final MetricsService metrics = new MetricsService(dsl);
    private final Map<String, Long> orderIds = new HashMap<>();
    private Shop shop;
    private Shop other;
    private Period today;

    @BeforeAll
    void handBuiltShop() {
        shop = Shops.newShop(dsl, "USD", "America/New_York");
        // The ledger dates its entries by the engine's clock.
        LocalDate now = LocalDate.ofInstant(clock.instant(), NEW_YORK);
        today = new Period(now.minusDays(1), now.plusDays(2));

        paid("A1", "A", "2026-10-05T12:00", "100");
        paid("A2", "A", "2026-10-20T12:00", "50");
        paid("B1", "B", "2026-10-10T12:00", "200");
        loyalty.apply(order("B1", "B", "2026-10-10T12:00", "200").refund("r1", "1", "50"));
        paid("C1", "C", "2026-10-12T12:00", "80");
        loyalty.apply(order("C1", "C", "2026-10-12T12:00", "80").cancelled());
        paid("D1", "D", "2026-09-15T12:00", "40");
        paid("D2", "D", "2026-10-15T12:00", "60");
        paid("E1", "E", "2026-09-10T12:00", "30");
        paid("F1", "F", "2026-09-20T12:00", "70");
        paid("F2", "F", "2026-10-25T12:00", "70");
        paid("F3", "F", "2026-10-26T12:00", "10");
        paid("G1", "G", "2026-10-31T23:29", "20");
        paid("H1", "H", "2026-11-01T00:29", "25");
        loyalty.apply(order("I1", "I", "2026-10-08T12:00", "500").placed());
        paid("J1", "J", "2026-08-01T12:00", "100");
        paid("J2", "J", "2026-10-03T12:00", "10");
        loyalty.apply(Orders.order(shop.id())
                .id("GUEST1")
                .guest()
                .placedAt(local("2026-10-07T12:00"))
                .line("1", "15")
                .paid());

        for (String delivered : List.of("A1", "B1", "F2")) {
            Instant at = local("2026-10-28T12:00");
            loyalty.apply(new FulfillmentUpdated(
                    shop.id(),
                    delivered + "/f",
                    at,
                    delivered,
                    "f-" + delivered,
                    "success",
                    "delivered",
                    null,
                    null,
                    null,
                    at));
        }
        review("A1", "p-1");
        review("A1", "p-2");
        review("C1", "p-1");
        review("D2", "p-1");
        review("F2", "p-1");

        // NPS in October: 10, 9, 8, 7, 6, 0, 10; one 0 in September that must not count
        String[] npsOrders = {"A1", "A2", "B1", "D2", "F2", "F3", "G1"};
        int[] npsScores = {10, 9, 8, 7, 6, 0, 10};
        for (int i = 0; i < npsOrders.length; i++) {
            survey(npsOrders[i], "NPS", npsScores[i], "2026-10-29T12:00");
        }
        survey("E1", "NPS", 0, "2026-09-29T12:00");
        // CSAT in October: 5, 4, 3, 1
        survey("A1", "CSAT", 5, "2026-10-29T12:00");
        survey("B1", "CSAT", 4, "2026-10-29T12:00");
        survey("D2", "CSAT", 3, "2026-10-29T12:00");
        survey("F2", "CSAT", 1, "2026-10-29T12:00");

        loyalty.adjust(new ManualAdjustment(shop.id(), "A", 600, "welcome gift", "owner"));
        RewardService rewards = new RewardService(dsl, clock);
        long fiveOff = rewards.rewards(shop.id()).stream()
                .filter(r -> r.name().equals("5 off"))
                .map(Reward::id)
                .findFirst()
                .orElseThrow();
        rewards.redeem(shop.id(), "A", fiveOff, "redeem-1");
        loyalty.adjust(new ManualAdjustment(shop.id(), "A", -30, "correction", "owner"));

        // Another shop with a big order and its own activity, which must not leak into the numbers
        other = Shops.newShop(dsl, "USD", "America/New_York");
        loyalty.apply(Orders.order(other.id())
                .id("A1")
                .customer("A")
                .placedAt(local("2026-10-05T12:00"))
                .line("1", "999")
                .paid());
    }

    @Test
    void ordersOfThePeriodGiveTheRepeatAndReturnRates() {
        Dashboard october = metrics.dashboard(shop.id(), OCTOBER);

        // paid, not cancelled, in October (New York): A1, A2, B1, D2, F2, F3, G1, J2 and the guest's;
        // customers A, B, D, F, G, J = 6; with 2 or more: A, F = 2 → 2 / 6 = 0.3333
        assertThat(october.repeatPurchaseRate()).contains(new BigDecimal("0.3333"));
        // paid 100 + 50 + 200 + 60 + 70 + 10 + 20 + 10 + 15 = 535, refunded 50 → 50 / 535 = 0.0935
        assertThat(october.returnRate()).contains(new BigDecimal("0.0935"));
    }

    @Test
    void lifetimeValueCountsEveryOrderBeforeTheEndNetOfRefundsWithoutCancelledOnes() {
        Dashboard october = metrics.dashboard(shop.id(), OCTOBER);

        // A 150, B 200 − 50 = 150, D 100, E 30, F 150, G 20, J 110 (C cancelled, H after, guest no
        // customer): 710 / 7 = 101.43
        assertThat(october.customerLifetimeValue()).contains(new BigDecimal("101.43"));
    }

    @Test
    void churnComparesWithThePreviousPeriodOfTheSameLength() {
        Dashboard october = metrics.dashboard(shop.id(), OCTOBER);

        // previous period 31 Aug .. 1 Oct: D, E, F bought; in October D and F bought again → 1 / 3
        assertThat(october.churnRate()).contains(new BigDecimal("0.3333"));
    }

    @Test
    void reviewRateCountsDeliveredOrdersWithAReview() {
        Dashboard october = metrics.dashboard(shop.id(), OCTOBER);

        // delivered: A1 (two reviews, counted once), B1, F2 (reviewed); C1 is cancelled, D2 not
        // delivered → 2 / 3 = 0.6667
        assertThat(october.reviewRate()).contains(new BigDecimal("0.6667"));
    }

    @Test
    void npsAndCsatCountTheAnswersOfThePeriod() {
        Dashboard october = metrics.dashboard(shop.id(), OCTOBER);

        // promoters 10, 9, 10 = 3, detractors 6, 0 = 2, of 7: 100 × (3 − 2) / 7 = 14.3
        assertThat(october.nps()).contains(new BigDecimal("14.3"));
        // 5 and 4 of 5, 4, 3, 1 → 2 / 4 = 0.5
        assertThat(october.csat()).contains(new BigDecimal("0.5000"));
    }

    @Test
    void cohortsAreFollowedToTheLastMonthOfThePeriod() {
        Period augustToOctober = new Period(LocalDate.of(2026, 8, 1), LocalDate.of(2026, 11, 1));

        List<Cohort> cohorts = metrics.dashboard(shop.id(), augustToOctober).cohorts();

        // August: J (bought again in October); September: D, E, F (D, F in October);
        // October: A, B, G (C's only order was cancelled, H's is in November)
        assertThat(cohorts)
                .containsExactly(
                        new Cohort(YearMonth.of(2026, 8), 1, List.of(1L, 0L, 1L)),
                        new Cohort(YearMonth.of(2026, 9), 3, List.of(3L, 2L)),
                        new Cohort(YearMonth.of(2026, 10), 3, List.of(3L)));
    }

    @Test
    void pointsFlowsAndTheLiabilityFollowTheLedger() {
        Dashboard recent = metrics.dashboard(shop.id(), today);

        // earned on every paid order with a customer: 100+50+200+80+40+60+30+70+70+10+20+25+100+10 = 865,
        // plus 600 by hand = 1,465
        assertThat(recent.pointsIssued()).isEqualTo(1465);
        // C's 80 reversed by the cancellation, 50 by B's refund, 30 by hand = 160
        assertThat(recent.pointsReversed()).isEqualTo(160);
        assertThat(recent.pointsRedeemed()).isEqualTo(500);
        assertThat(recent.pointsExpired()).isZero();
        // 1,465 − 160 − 500 = 805 outstanding; worth 805 × 5 / 500 = $8.05
        assertThat(recent.pointsOutstanding()).isEqualTo(805);
        assertThat(recent.pointValue()).contains(new BigDecimal("0.010000"));
        assertThat(recent.outstandingLiability()).contains(new BigDecimal("8.05"));
        // 500 / 1,465 = 0.3413
        assertThat(recent.redemptionRate()).contains(new BigDecimal("0.3413"));
        // A, B, C, D, E, F, G, H, J have ledger entries; I (unpaid) and the guest do not
        assertThat(recent.members()).isEqualTo(9);
        assertThat(recent.newMembers()).isEqualTo(9);
    }

    @Test
    void aPeriodBeforeAnyLedgerEntryHasNoPointsAndNoRates() {
        Dashboard october = metrics.dashboard(shop.id(), OCTOBER);

        // the ledger was written today, after October
        assertThat(october.pointsIssued()).isZero();
        assertThat(october.pointsOutstanding()).isZero();
        assertThat(october.members()).isZero();
        assertThat(october.redemptionRate()).isEmpty();
        assertThat(october.outstandingLiability()).contains(new BigDecimal("0.00"));
    }

    @Test
    void aShopWithNothingHasNoDataRatherThanZeroOrAnError() {
        Shop empty = Shops.newShop(dsl, "EUR", "Europe/Berlin");

        Dashboard dashboard = metrics.dashboard(empty.id(), OCTOBER);

        assertThat(List.of(
                        dashboard.redemptionRate(),
                        dashboard.repeatPurchaseRate(),
                        dashboard.customerLifetimeValue(),
                        dashboard.churnRate(),
                        dashboard.returnRate(),
                        dashboard.reviewRate(),
                        dashboard.nps(),
                        dashboard.csat()))
                .allSatisfy(value -> assertThat(value).isEmpty());
        assertThat(dashboard.cohorts()).isEmpty();
        assertThat(dashboard.members()).isZero();
    }

    @Test
    void anotherShopsDataNeverCounts() {
        Dashboard october = metrics.dashboard(other.id(), OCTOBER);

        // the other shop has one $999 order by its own customer A, nothing else
        assertThat(october.returnRate()).contains(new BigDecimal("0.0000"));
        assertThat(october.customerLifetimeValue()).contains(new BigDecimal("999.00"));
        assertThat(october.nps()).isEmpty();
        assertThat(metrics.dashboard(other.id(), today).pointsIssued()).isEqualTo(999);
    }

    @Test
    void pointsAreValuedAtTheBestFixedReward() {
        // the dry run's 140 points at $5 per 500 points: 140 × 5 / 500 = $1.40; a gain can be negative
        assertThat(metrics.liabilityOf(shop.id(), 140)).contains(new BigDecimal("1.40"));
        assertThat(metrics.liabilityOf(shop.id(), -250)).contains(new BigDecimal("-2.50"));
    }

    @Test
    void anUnknownShopIsRefused() {
        assertThatThrownBy(() -> metrics.dashboard(new ShopId(Long.MAX_VALUE), OCTOBER))
                .isInstanceOf(ShopNotFoundException.class);
    }

    @Test
    void dailyOrdersAreBucketedInTheShopsTimeZone() {
        Period lastDays = new Period(LocalDate.of(2026, 10, 30), LocalDate.of(2026, 11, 2));

        List<SeriesPoint> days = metrics.series(shop.id(), lastDays, Bucket.DAY);

        // G paid 23:30 New York time on 31 Oct (03:30 UTC on 1 Nov), H at 00:30 on 1 Nov
        assertThat(days)
                .extracting(SeriesPoint::start, SeriesPoint::orders)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(LocalDate.of(2026, 10, 30), 0L),
                        org.assertj.core.groups.Tuple.tuple(LocalDate.of(2026, 10, 31), 1L),
                        org.assertj.core.groups.Tuple.tuple(LocalDate.of(2026, 11, 1), 1L));
    }

    @Test
    void monthlyBucketsStartOnTheFirstAndCountTheWholePeriod() {
        Period augustToOctober = new Period(LocalDate.of(2026, 8, 15), LocalDate.of(2026, 11, 1));

        List<SeriesPoint> months = metrics.series(shop.id(), augustToOctober, Bucket.MONTH);

        // J1 on 1 Aug is before the period; September: D1, E1, F1; October: A1, A2, B1, D2, F2, F3,
        // G1, J2, guest = 9 (C1 cancelled)
        assertThat(months)
                .extracting(SeriesPoint::start, SeriesPoint::orders)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(LocalDate.of(2026, 8, 1), 0L),
                        org.assertj.core.groups.Tuple.tuple(LocalDate.of(2026, 9, 1), 3L),
                        org.assertj.core.groups.Tuple.tuple(LocalDate.of(2026, 10, 1), 9L));
    }

    @Test
    void theChartsPointsAndMembersAddUpToTheDashboard() {
        List<SeriesPoint> days = metrics.series(shop.id(), today, Bucket.DAY);
        Dashboard recent = metrics.dashboard(shop.id(), today);

        assertThat(days).hasSize(3);
        assertThat(days.stream().mapToLong(SeriesPoint::pointsIssued).sum()).isEqualTo(recent.pointsIssued());
        assertThat(days.stream().mapToLong(SeriesPoint::pointsRedeemed).sum()).isEqualTo(recent.pointsRedeemed());
        assertThat(days.getLast().members()).isEqualTo(9);
    }

    @Test
    void weeksStartOnMonday() {
        // 1 October 2026 is a Thursday: the first bucket starts on Monday 28 September
        List<SeriesPoint> weeks = metrics.series(shop.id(), OCTOBER, Bucket.WEEK);

        assertThat(weeks.getFirst().start()).isEqualTo(LocalDate.of(2026, 9, 28));
        assertThat(weeks.getLast().start()).isEqualTo(LocalDate.of(2026, 10, 26));
        // 9 orders in October, none counted twice or lost at the edges
        assertThat(weeks.stream().mapToLong(SeriesPoint::orders).sum()).isEqualTo(9);
    }

    private void paid(String id, String customer, String localPaid, String amount) {
        loyalty.apply(order(id, customer, localPaid, amount).paid(local(localPaid)));
    }

    /** An order placed a minute before it is paid (so cancellations and refunds come after). */
    private Orders order(String id, String customer, String localPaid, String amount) {
        return Orders.order(shop.id())
                .id(id)
                .customer(customer)
                .placedAt(local(localPaid).minusSeconds(60))
                .line("1", amount);
    }

    private static Instant local(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(NEW_YORK).toInstant();
    }

    private long orderId(String externalId) {
        return orderIds.computeIfAbsent(
                externalId,
                id -> dsl.select(SHOP_ORDER.ORDER_ID)
                        .from(SHOP_ORDER)
                        .where(SHOP_ORDER.SHOP_ID.eq(shop.id().value()))
                        .and(SHOP_ORDER.EXTERNAL_ID.eq(id))
                        .fetchSingle(SHOP_ORDER.ORDER_ID));
    }

    private void review(String order, String product) {
        dsl.insertInto(REVIEW)
                .set(REVIEW.SHOP_ID, shop.id().value())
                .set(REVIEW.ORDER_ID, orderId(order))
                .set(REVIEW.PRODUCT_ID, product)
                .set(REVIEW.RATING, (short) 5)
                .set(REVIEW.BODY, "Lovely")
                .set(REVIEW.STATUS, "PENDING")
                .set(REVIEW.SUBMITTED_AT, local("2026-10-29T12:00").atOffset(ZoneOffset.UTC))
                .execute();
    }

    private void survey(String order, String type, int score, String localAt) {
        dsl.insertInto(SURVEY_RESPONSE)
                .set(SURVEY_RESPONSE.SHOP_ID, shop.id().value())
                .set(SURVEY_RESPONSE.ORDER_ID, orderId(order))
                .set(SURVEY_RESPONSE.SURVEY_TYPE, type)
                .set(SURVEY_RESPONSE.SCORE, (short) score)
                .set(SURVEY_RESPONSE.RESPONDED_AT, local(localAt).atOffset(ZoneOffset.UTC))
                .execute();
    }
}
