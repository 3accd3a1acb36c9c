package io.loyaltyloop.broadleaf.reviews;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import io.loyaltyloop.broadleaf.site.BroadleafSites;
import io.loyaltyloop.broadleaf.site.SiteCaller;
import io.loyaltyloop.system.JobRounds;
import java.time.Clock;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.ObjectMapper;

/**
 * The review push as a recurring db-scheduler sweep over {@code broadleaf_review_push}, like the
 * Shopify sweeps: the trigger marks reviews whichever code path publishes them, and the sweep's
 * lease keeps two overlapping runs from pushing one review twice.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ReviewPushProperties.class)
class ReviewPushJobs {

    static final String PUSH_REVIEWS = "push-broadleaf-reviews";

    private static final Logger log = LoggerFactory.getLogger(ReviewPushJobs.class);

    @Bean
    ReviewPushSweep reviewPushSweep(
            DSLContext dsl,
            BroadleafSites sites,
            SiteCaller caller,
            ObjectMapper json,
            ReviewPushProperties properties,
            Clock clock) {
        return new ReviewPushSweep(dsl, sites, caller, json, properties, clock);
    }

    @Bean
    @ConditionalOnProperty(prefix = "loyalty.broadleaf.reviews", name = "enabled", matchIfMissing = true)
    RecurringTask<Void> pushBroadleafReviewsJob(ReviewPushSweep sweep, ReviewPushProperties properties) {
        return Tasks.recurring(PUSH_REVIEWS, FixedDelay.of(properties.interval()))
                .execute((instance, context) -> {
                    long total = JobRounds.whileFull(sweep::sweepOnce, properties.batchSize(), context);
                    if (total > 0) {
                        log.info("{}: {} taken", PUSH_REVIEWS, total);
                    }
                });
    }
}
