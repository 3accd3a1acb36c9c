package io.loyaltyloop.broadleaf.checkout;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class LineAmountsTest {

    @Test
    void spreadsAnOrderDiscountInProportionWithTheRemainderOnTheLastLine() {
        BigDecimal[] lines = amounts("19.98", "14.50");

        assertThat(LineAmounts.afterOrderDiscount(lines, new BigDecimal("5.00")))
                .containsExactly(new BigDecimal("17.09"), new BigDecimal("12.39"));
    }

    @Test
    void linesAlwaysAddUpToTheOrderAfterItsDiscount() {
        BigDecimal[] lines = amounts("0.01", "33.33", "33.33", "33.34");

        BigDecimal[] after = LineAmounts.afterOrderDiscount(lines, new BigDecimal("10.00"));

        assertThat(Arrays.stream(after).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo("90.01");
        assertThat(after).allMatch(a -> a.signum() >= 0 && a.scale() == 2);
    }

    @Test
    void aLastLineTooSmallForTheRemainderPassesItToTheLinesBefore() {
        BigDecimal[] after = LineAmounts.afterOrderDiscount(amounts("0.99", "0.99", "0.01"), new BigDecimal("1.98"));

        assertThat(after).containsExactly(new BigDecimal("0.01"), new BigDecimal("0.00"), new BigDecimal("0.00"));
    }

    @Test
    void aDiscountLargerThanTheOrderLeavesEveryLineAtZero() {
        assertThat(LineAmounts.afterOrderDiscount(amounts("5.00", "2.50"), new BigDecimal("100")))
                .containsExactly(new BigDecimal("0.00"), new BigDecimal("0.00"));
    }

    @Test
    void noDiscountKeepsTheLines() {
        assertThat(LineAmounts.afterOrderDiscount(amounts("5", "2.5"), BigDecimal.ZERO))
                .containsExactly(new BigDecimal("5.00"), new BigDecimal("2.50"));
    }

    private static BigDecimal[] amounts(String... values) {
        return Arrays.stream(values).map(BigDecimal::new).toArray(BigDecimal[]::new);
    }
}
