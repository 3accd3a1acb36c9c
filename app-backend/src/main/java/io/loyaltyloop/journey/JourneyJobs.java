package io.loyaltyloop.journey;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import io.loyaltyloop.email.EmailOutbox;
import io.loyaltyloop.review.ReviewInvitations;
import io.loyaltyloop.survey.SurveyLinks;
import io.loyaltyloop.system.JobRounds;
import java.time.Clock;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The journey's recurring work, as db-scheduler tasks so that each run happens on one instance:
 * dispatching due steps into the email outbox, and the watches that plan stuck-shipment notices
 * and expiry warnings. The dispatcher itself is a bean either way, so tests can drive it.
 */
@Configuration(proxyBeanMethods = false)
class JourneyJobs {

    static final String DISPATCH = "dispatch-journey-steps";
    static final String WATCH = "watch-journeys";
    private static final int WATCH_BATCH = 500;
    private static final Logger log = LoggerFactory.getLogger(JourneyJobs.class);

    @Bean
    JourneyDispatcher journeyDispatcher(
            DSLContext dsl,
            Clock clock,
            JourneyService journeys,
            EmailOutbox outbox,
            ReviewInvitations reviews,
            SurveyLinks surveys,
            JourneyProperties properties) {
        return new JourneyDispatcher(
                dsl,
                clock,
                journeys,
                outbox,
                reviews,
                surveys,
                properties.dispatchBatchSize(),
                properties.maxLateness());
    }

    @Bean
    @ConditionalOnProperty(name = "loyalty.journey.dispatch-enabled", havingValue = "true", matchIfMissing = true)
    RecurringTask<Void> dispatchJourneyStepsTask(JourneyDispatcher dispatcher, JourneyProperties properties) {
        return Tasks.recurring(DISPATCH, FixedDelay.of(properties.dispatchInterval()))
                .execute((instance, context) -> {
                    JobRounds.whileFull(dispatcher::dispatchDue, properties.dispatchBatchSize(), context);
                });
    }

    @Bean
    @ConditionalOnProperty(name = "loyalty.journey.dispatch-enabled", havingValue = "true", matchIfMissing = true)
    RecurringTask<Void> watchJourneysTask(JourneyService journeys, JourneyProperties properties) {
        return Tasks.recurring(WATCH, FixedDelay.of(properties.watchInterval())).execute((instance, context) -> {
            long stuck = JobRounds.whileFull(() -> journeys.planStuckShipments(WATCH_BATCH), WATCH_BATCH, context);
            long expiring = JobRounds.whileFull(() -> journeys.planExpiryWarnings(WATCH_BATCH), WATCH_BATCH, context);
            if (stuck + expiring > 0) {
                log.info("{}: {} stuck shipments, {} expiry warnings planned", WATCH, stuck, expiring);
            }
        });
    }
}
