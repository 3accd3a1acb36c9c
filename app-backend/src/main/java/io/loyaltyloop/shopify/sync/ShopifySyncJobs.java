package io.loyaltyloop.shopify.sync;

import com.github.kagkarlsson.scheduler.task.ExecutionContext;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import io.loyaltyloop.reward.RewardService;
import io.loyaltyloop.shop.ShopService;
import io.loyaltyloop.shopify.admin.ShopifyAdminClient;
import io.loyaltyloop.system.JobRounds;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.function.IntSupplier;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The Shopify work that follows the ledger: reward codes for RESERVED redemptions and the balance
 * mirror. Both are recurring db-scheduler sweeps over their own tables rather than one task per
 * item: a redemption is reserved by the engine, which knows nothing of the scheduler, so a sweep
 * also finds the redemption whose scheduling a crash would have lost, and attempts, errors and the
 * next attempt stay plain columns an operator can query. db-scheduler runs each sweep on one
 * instance at a time; the leases in the tables keep it safe even when two runs overlap.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({RewardIssuingProperties.class, PointsMirrorProperties.class})
class ShopifySyncJobs {

    static final String ISSUE_REWARD_CODES = "issue-reward-codes";
    static final String MIRROR_POINTS = "mirror-points";

    private static final Logger log = LoggerFactory.getLogger(ShopifySyncJobs.class);

    @Bean
    RewardIssuer rewardIssuer(
            DSLContext dsl,
            RewardService rewards,
            ShopService shops,
            ShopifyAdminClient client,
            ObjectProvider<RewardCodeChannel> otherChannels,
            RewardIssuingProperties properties,
            Clock clock) {
        return new RewardIssuer(
                dsl,
                rewards,
                shops,
                new AdminDiscountCodes(client),
                otherChannels.orderedStream().toList(),
                properties,
                clock,
                // Attempts that outlive the storefront's wait go on here; virtual threads cost nothing idle.
                Executors.newVirtualThreadPerTaskExecutor());
    }

    @Bean
    PointsMirrorSync pointsMirrorSync(
            DSLContext dsl, ShopifyAdminClient client, PointsMirrorProperties properties, Clock clock) {
        return new PointsMirrorSync(dsl, new AdminPointsMirror(client), properties, clock);
    }

    @Bean
    @ConditionalOnProperty(prefix = "loyalty.shopify.issuing", name = "enabled", matchIfMissing = true)
    RecurringTask<Void> issueRewardCodesJob(RewardIssuer issuer, RewardIssuingProperties properties) {
        return Tasks.recurring(ISSUE_REWARD_CODES, FixedDelay.of(properties.interval()))
                .execute((instance, context) ->
                        inRounds(ISSUE_REWARD_CODES, properties.batchSize(), context, issuer::sweepOnce));
    }

    @Bean
    @ConditionalOnProperty(prefix = "loyalty.shopify.mirror", name = "enabled", matchIfMissing = true)
    RecurringTask<Void> mirrorPointsJob(PointsMirrorSync mirror, PointsMirrorProperties properties) {
        return Tasks.recurring(MIRROR_POINTS, FixedDelay.of(properties.interval()))
                .execute((instance, context) ->
                        inRounds(MIRROR_POINTS, properties.batchSize(), context, mirror::syncOnce));
    }

    /** Repeats while rounds come back full, until the scheduler shuts down. */
    private static void inRounds(String job, int batchSize, ExecutionContext context, IntSupplier round) {
        long total = JobRounds.whileFull(round, batchSize, context);
        if (total > 0) {
            log.info("{}: {} taken", job, total);
        }
    }
}
