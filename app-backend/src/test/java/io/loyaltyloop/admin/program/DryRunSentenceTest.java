package io.loyaltyloop.admin.program;

import static org.assertj.core.api.Assertions.assertThat;

import io.loyaltyloop.loyalty.EarningDryRun;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The dry run in words: conditional, counted, with a currency figure only when a point has a value. */
class DryRunSentenceTest {

    private static final Instant SINCE = Instant.parse("2026-08-03T00:00:00Z");
    private static final Currency USD = Currency.getInstance("USD");

    @Test
    void moreLiabilityIsStatedInPointsAndMoney() {
        String sentence = DryRunSentence.of(
                new EarningDryRun.Result(SINCE, 1204, 24_080, 36_120), Optional.of(new BigDecimal("120.4")), USD);

        assertThat(sentence)
                .isEqualTo("Over the last 90 days, 1,204 orders earned 24,080 points. Under this rule they would have"
                        + " earned 36,120: 12,040 more points (≈ $120.40 of liability added at your best fixed-amount"
                        + " reward's value per point).");
    }

    @Test
    void lessLiabilityWithoutAFixedAmountRewardIsStatedInPointsAlone() {
        String sentence = DryRunSentence.of(
                new EarningDryRun.Result(SINCE, 1, 10, 9), Optional.empty(), Currency.getInstance("JPY"));

        assertThat(sentence)
                .isEqualTo("Over the last 90 days, 1 order earned 10 points. Under this rule they would have earned 9:"
                        + " 1 fewer point.");
    }

    @Test
    void noChangeAndNoOrdersAreSaidPlainly() {
        assertThat(DryRunSentence.of(new EarningDryRun.Result(SINCE, 3, 30, 30), Optional.of(BigDecimal.ZERO), USD))
                .endsWith("Under this rule they would have earned the same.");
        assertThat(DryRunSentence.of(new EarningDryRun.Result(SINCE, 0, 0, 0), Optional.empty(), USD))
                .isEqualTo("No order earned points in the last 90 days, so there is nothing to compare.");
    }

    @Test
    void aYenAmountHasNoDecimals() {
        assertThat(DryRunSentence.of(
                        new EarningDryRun.Result(SINCE, 2, 100, 300),
                        Optional.of(new BigDecimal("200")),
                        Currency.getInstance("JPY")))
                .contains("(≈ ¥200 of liability added");
    }
}
