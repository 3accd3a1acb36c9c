package io.loyaltyloop.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.loyaltyloop.metrics.Kpis.FixedReward;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The formulas against examples computed by hand; the arithmetic is in each test's comment. */
class KpisTest {

    private static final Currency USD = Currency.getInstance("USD");
    private static final Currency JPY = Currency.getInstance("JPY");
    private static final Currency KWD = Currency.getInstance("KWD");

    @Test
    void aRateIsPartOverWholeRoundedHalfUpToFourDecimals() {
        // 500 redeemed of 1,465 issued: 500 / 1465 = 0.341296… → 0.3413
        assertThat(Kpis.ratio(500, 1465)).contains(new BigDecimal("0.3413"));
        // 1 / 8 = 0.125 exactly → 0.1250
        assertThat(Kpis.ratio(1, 8)).contains(new BigDecimal("0.1250"));
        // 2 / 3 = 0.66666… → 0.6667 (half up)
        assertThat(Kpis.ratio(2, 3)).contains(new BigDecimal("0.6667"));
    }

    @Test
    void aRateOfNothingHasNoData() {
        // given nothing issued, when the rate is asked, then there is no rate (not 0, not NaN)
        assertThat(Kpis.ratio(0, 0)).isEmpty();
        assertThat(Kpis.ratio(BigDecimal.ZERO, new BigDecimal("0.0000"))).isEmpty();
    }

    @Test
    void aReturnRateDividesMoney() {
        // $50 refunded of $535 paid: 50 / 535 = 0.093457… → 0.0935
        assertThat(Kpis.ratio(new BigDecimal("50.0000"), new BigDecimal("535.0000")))
                .contains(new BigDecimal("0.0935"));
    }

    @Test
    void npsIsPromotersMinusDetractorsInPercentOfAllAnswers() {
        // answers 10, 9, 10 (promoters: 3), 8, 7 (passives), 6, 0 (detractors: 2), 7 answers:
        // 100 × (3 − 2) / 7 = 14.2857… → 14.3
        assertThat(Kpis.nps(3, 2, 7)).contains(new BigDecimal("14.3"));
        // all detractors: 100 × (0 − 4) / 4 = −100.0
        assertThat(Kpis.nps(0, 4, 4)).contains(new BigDecimal("-100.0"));
        // only passives: 100 × 0 / 5 = 0.0
        assertThat(Kpis.nps(0, 0, 5)).contains(new BigDecimal("0.0"));
        assertThat(Kpis.nps(0, 0, 0)).isEmpty();
    }

    @Test
    void csatIsTheShareOfFoursAndFives() {
        // answers 5, 4, 3, 1: satisfied 2 of 4 = 0.5000
        assertThat(Kpis.csat(2, 4)).contains(new BigDecimal("0.5000"));
        assertThat(Kpis.csat(0, 0)).isEmpty();
    }

    @Test
    void churnIsTheShareOfPreviouslyActiveCustomersWhoBoughtNothing() {
        // D, E, F bought last period; only E bought nothing this period: 1 / 3 = 0.3333
        assertThat(Kpis.churn(3, 1)).contains(new BigDecimal("0.3333"));
        // nobody was active before: no churn figure, rather than 0 %
        assertThat(Kpis.churn(0, 0)).isEmpty();
    }

    @Test
    void lifetimeValueIsNetRevenuePerCustomerInTheMinorUnit() {
        // $710 over 7 customers: 710 / 7 = 101.428… → 101.43
        assertThat(Kpis.lifetimeValue(new BigDecimal("710.0000"), 7, USD)).contains(new BigDecimal("101.43"));
        // yen have no minor unit: ¥1,000 / 3 = 333.3… → 333
        assertThat(Kpis.lifetimeValue(new BigDecimal("1000"), 3, JPY)).contains(new BigDecimal("333"));
        assertThat(Kpis.lifetimeValue(BigDecimal.ZERO, 0, USD)).isEmpty();
    }

    @Test
    void aPointIsWorthTheBestFixedRewardPerPoint() {
        // $5 for 500 points = 0.01 per point; $12 for 1,000 points = 0.012 per point: the second wins
        List<FixedReward> rewards =
                List.of(new FixedReward(new BigDecimal("5"), 500), new FixedReward(new BigDecimal("12"), 1000));
        assertThat(Kpis.bestReward(rewards).map(FixedReward::valuePerPoint)).contains(new BigDecimal("0.012000"));
        // 805 points × 12 / 1000 = 9.66
        assertThat(Kpis.liability(805, rewards, USD)).contains(new BigDecimal("9.66"));
    }

    @Test
    void liabilityIsRoundedOnceInTheCurrencysMinorUnit() {
        // 1 dinar for 300 points: 1,001 × 1 / 300 = 3.33666… → 3.337 (KWD has 3 decimals)
        List<FixedReward> dinar = List.of(new FixedReward(new BigDecimal("1"), 300));
        assertThat(Kpis.liability(1001, dinar, KWD)).contains(new BigDecimal("3.337"));
    }

    @Test
    void withoutAFixedAmountRewardThereIsNoLiabilityFigure() {
        assertThat(Kpis.liability(805, List.of(), USD)).isEmpty();
        assertThat(Kpis.bestReward(List.of())).isEmpty();
    }

    @Test
    void aCohortsRetentionIsRetainedOverSize() {
        // 3 customers started in September, 2 of them bought in October: 2 / 3 = 0.6667
        Cohort september = new Cohort(java.time.YearMonth.of(2026, 9), 3, List.of(3L, 2L));
        assertThat(september.retentionRate(0)).contains(new BigDecimal("1.0000"));
        assertThat(september.retentionRate(1)).contains(new BigDecimal("0.6667"));
        assertThat(september.retentionRate(2)).isEmpty();
    }
}
