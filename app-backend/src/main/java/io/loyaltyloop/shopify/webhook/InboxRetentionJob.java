package io.loyaltyloop.shopify.webhook;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import io.loyaltyloop.system.JobRounds;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Keeps the inbox from growing without end: done deliveries older than the retention are deleted
 * once an hour, in batches, on one instance (a db-scheduler task).
 */
@Configuration(proxyBeanMethods = false)
class InboxRetentionJob {

    static final String NAME = "inbox-retention";
    private static final int BATCH = 5_000;
    private static final Logger log = LoggerFactory.getLogger(InboxRetentionJob.class);

    @Bean
    RecurringTask<Void> inboxRetentionTask(InboxRepository inbox, InboxProperties properties, Clock clock) {
        return Tasks.recurring(NAME, FixedDelay.of(Duration.ofHours(1))).execute((instance, context) -> {
            long deleted = JobRounds.whileFull(
                    () -> inbox.deleteDoneBefore(clock.instant().minus(properties.retention()), BATCH), BATCH, context);
            if (deleted > 0) {
                log.info("{}: {} done deliveries older than {} deleted", NAME, deleted, properties.retention());
            }
        });
    }
}
