package io.loyaltyloop.loyalty;

import static io.loyaltyloop.testing.Orders.order;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import io.loyaltyloop.BackendTest;
import io.loyaltyloop.shop.Shop;
import io.loyaltyloop.testing.MutableClock;
import io.loyaltyloop.testing.Orders;
import io.loyaltyloop.testing.Shops;
import java.time.Duration;
import java.time.Instant;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class PointsJobsTest extends BackendTest {

    @Autowired
    SchedulerClient scheduler;

    @Autowired
    LoyaltyService loyalty;

    @Autowired
    DSLContext dsl;

    @Autowired
    MutableClock clock;

    @AfterEach
    void stopTheClockBeforeAnythingIsDue() {
        clock.set(START);
    }

    @Test
    void everyPointsJobIsScheduled() {
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(scheduler.getScheduledExecutions())
                        .extracting(execution -> execution.getTaskInstance().getTaskName())
                        .contains(
                                PointsJobs.RELEASE_DUE_POINTS,
                                PointsJobs.EXPIRE_INACTIVE_POINTS,
                                PointsJobs.REFRESH_TIERS));
    }

    @Test
    void theReleaseJobMakesPointsAvailableOnceTheReturnWindowHasClosed() {
        Shop shop = Shops.newShop(dsl);
        Orders o = order(shop.id()).line("1", "120.00");
        Instant paidAt = Instant.parse("2026-11-01T10:01:00Z");
        clock.set(paidAt);
        loyalty.apply(o.paid(paidAt));
        assertThat(balance(shop, o))
                .extracting(Balance::pending, Balance::available)
                .containsExactly(120L, 0L);

        clock.set(paidAt.plus(Duration.ofDays(14)));

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(balance(shop, o))
                        .extracting(Balance::pending, Balance::available)
                        .containsExactly(0L, 120L));
    }

    private Balance balance(Shop shop, Orders o) {
        return loyalty.balance(shop.id(), o.customerId()).orElseThrow();
    }
}
