package io.loyaltyloop.shopify.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.loyaltyloop.system.RetryBackoff;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryBackoffTest {

    private final RetryBackoff backoff = new RetryBackoff(Duration.ofSeconds(30), Duration.ofHours(1));

    @Test
    void doublesWithEachFailureFromTheInitialWait() {
        assertThat(backoff.after(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(backoff.after(2)).isEqualTo(Duration.ofMinutes(1));
        assertThat(backoff.after(4)).isEqualTo(Duration.ofMinutes(4));
    }

    @Test
    void neverWaitsLongerThanTheCap() {
        assertThat(backoff.after(8)).isEqualTo(Duration.ofHours(1));
        assertThat(backoff.after(1_000)).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void keepsErrorTextsWithinTheColumnLimit() {
        assertThat(RetryBackoff.truncate("x".repeat(5_000))).hasSize(1000).endsWith("...");
        assertThat(RetryBackoff.describe(new IllegalStateException("boom"))).isEqualTo("IllegalStateException: boom");
    }

    @Test
    void replacesNulWhichPostgresqlTextCannotHold() {
        assertThat(RetryBackoff.truncate("the site refused: {\"title\": \"a\u0000b\"}"))
                .isEqualTo("the site refused: {\"title\": \"a\uFFFDb\"}");
    }
}
