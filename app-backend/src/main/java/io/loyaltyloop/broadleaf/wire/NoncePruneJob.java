package io.loyaltyloop.broadleaf.wire;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Clock;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Keeps the nonce table to the last ten minutes of requests (a db-scheduler task, one instance). */
@Configuration(proxyBeanMethods = false)
class NoncePruneJob {

    static final String NAME = "broadleaf-nonce-prune";

    @Bean
    RecurringTask<Void> broadleafNoncePruneTask(NonceRepository nonces, Clock clock) {
        return Tasks.recurring(NAME, FixedDelay.of(Duration.ofMinutes(5)))
                .execute((instance, context) -> nonces.prune(clock.instant()));
    }
}
