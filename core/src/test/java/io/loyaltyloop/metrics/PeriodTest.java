package io.loyaltyloop.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class PeriodTest {

    private static final LocalDate OCT_1 = LocalDate.of(2026, 10, 1);
    private static final LocalDate NOV_1 = LocalDate.of(2026, 11, 1);

    @Test
    void daysStartAtTheShopsLocalMidnight() {
        Period october = new Period(OCT_1, NOV_1);
        ZoneId newYork = ZoneId.of("America/New_York");

        // EDT (UTC−4) on both ends: DST ends at 02:00 on 1 November, after local midnight
        assertThat(october.start(newYork)).isEqualTo(Instant.parse("2026-10-01T04:00:00Z"));
        assertThat(october.end(newYork)).isEqualTo(Instant.parse("2026-11-01T04:00:00Z"));
    }

    @Test
    void thePreviousPeriodHasTheSameNumberOfDaysAndEndsWhereThisStarts() {
        // October has 31 days: the previous period is 31 August .. 1 October
        assertThat(new Period(OCT_1, NOV_1).previous()).isEqualTo(new Period(LocalDate.of(2026, 8, 31), OCT_1));
    }

    @Test
    void aPeriodThatDoesNotEndAfterItStartsIsRefused() {
        assertThatThrownBy(() -> new Period(OCT_1, OCT_1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ends after it starts");
        assertThatThrownBy(() -> new Period(NOV_1, OCT_1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aPeriodWithoutAnEndIsRefused() {
        assertThatThrownBy(() -> new Period(OCT_1, null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aPeriodLongerThanTheLimitIsRefused() {
        assertThatThrownBy(() -> new Period(OCT_1, OCT_1.plusDays(Period.MAX_DAYS + 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at most");
        assertThat(new Period(OCT_1, OCT_1.plusDays(Period.MAX_DAYS)).days()).isEqualTo(Period.MAX_DAYS);
    }
}
