package io.loyaltyloop.loyalty;

import com.github.kagkarlsson.scheduler.task.ExecutionContext;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import io.loyaltyloop.system.JobRounds;
import java.util.function.IntUnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The recurring points jobs. They are db-scheduler tasks, not {@code @Scheduled} methods, so that
 * with several backend instances each run happens on exactly one of them.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(JobsProperties.class)
class PointsJobs {

    static final String RELEASE_DUE_POINTS = "release-due-points";
    static final String EXPIRE_INACTIVE_POINTS = "expire-inactive-points";
    static final String REFRESH_TIERS = "refresh-tiers";

    private static final Logger log = LoggerFactory.getLogger(PointsJobs.class);

    @Bean
    RecurringTask<Void> releaseDuePointsJob(LoyaltyService loyalty, JobsProperties jobs) {
        return Tasks.recurring(RELEASE_DUE_POINTS, FixedDelay.of(jobs.releaseInterval()))
                .execute((instance, context) -> inBatches(
                        RELEASE_DUE_POINTS, "orders released", jobs.batchSize(), context, loyalty::releaseDuePoints));
    }

    @Bean
    RecurringTask<Void> expireInactivePointsJob(LoyaltyService loyalty, JobsProperties jobs) {
        return Tasks.recurring(EXPIRE_INACTIVE_POINTS, FixedDelay.of(jobs.expiryInterval()))
                .execute((instance, context) -> inBatches(
                        EXPIRE_INACTIVE_POINTS,
                        "accounts expired",
                        jobs.batchSize(),
                        context,
                        loyalty::expireInactivePoints));
    }

    @Bean
    RecurringTask<Void> refreshTiersJob(LoyaltyService loyalty, JobsProperties jobs) {
        return Tasks.recurring(REFRESH_TIERS, FixedDelay.of(jobs.tierRefreshInterval()))
                .execute((instance, context) -> {
                    int changed = loyalty.refreshTiers();
                    if (changed > 0) {
                        log.info("{}: {} customers changed tier", REFRESH_TIERS, changed);
                    }
                });
    }

    private static void inBatches(
            String job, String what, int batchSize, ExecutionContext context, IntUnaryOperator batch) {
        long total = JobRounds.whileFull(() -> batch.applyAsInt(batchSize), batchSize, context);
        if (total > 0) {
            log.info("{}: {} {}", job, total, what);
        }
    }
}
