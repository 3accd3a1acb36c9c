package io.loyaltyloop.broadleaf.events;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import io.loyaltyloop.broadleaf.BroadleafProperties;
import io.loyaltyloop.system.JobRounds;
import java.time.Clock;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Done Broadleaf events older than the retention are deleted hourly, in batches, on one instance. */
@Configuration(proxyBeanMethods = false)
class SiteInboxRetentionJob {

    static final String NAME = "broadleaf-inbox-retention";
    private static final int BATCH = 5_000;

    @Bean
    RecurringTask<Void> broadleafInboxRetentionTask(
            SiteInboxRepository inbox, BroadleafProperties properties, Clock clock) {
        Duration retention = properties.inbox().retention();
        return Tasks.recurring(NAME, FixedDelay.of(Duration.ofHours(1)))
                .execute((instance, context) -> JobRounds.whileFull(
                        () -> inbox.deleteDoneBefore(clock.instant().minus(retention), BATCH), BATCH, context));
    }
}
