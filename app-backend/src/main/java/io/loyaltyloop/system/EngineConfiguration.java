package io.loyaltyloop.system;

import io.loyaltyloop.loyalty.EarningService;
import io.loyaltyloop.loyalty.LedgerVerifier;
import io.loyaltyloop.loyalty.LoyaltyService;
import io.loyaltyloop.loyalty.OrderFactsListener;
import io.loyaltyloop.metrics.MetricsService;
import io.loyaltyloop.privacy.PrivacyService;
import io.loyaltyloop.reward.RewardCatalog;
import io.loyaltyloop.reward.RewardService;
import io.loyaltyloop.shop.ShopService;
import io.loyaltyloop.tier.TierService;
import java.time.Clock;
import org.jooq.DSLContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The engine's facades on Boot's DSLContext, whose transactions are Spring's. */
@Configuration(proxyBeanMethods = false)
class EngineConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    ShopService shopService(DSLContext dsl, Clock clock) {
        return new ShopService(dsl, clock);
    }

    @Bean
    LoyaltyService loyaltyService(DSLContext dsl, Clock clock, OrderFactsListener journeyPlanner) {
        // Journeys are planned in the same transaction as the facts they follow from.
        return new LoyaltyService(dsl, clock, journeyPlanner);
    }

    @Bean
    EarningService earningService(DSLContext dsl, Clock clock) {
        return new EarningService(dsl, clock);
    }

    @Bean
    RewardService rewardService(DSLContext dsl, Clock clock) {
        return new RewardService(dsl, clock);
    }

    @Bean
    PrivacyService privacyService(DSLContext dsl, Clock clock) {
        return new PrivacyService(dsl, clock);
    }

    @Bean
    TierService tierService(DSLContext dsl, LoyaltyService loyalty) {
        return new TierService(dsl, loyalty::refreshTiers);
    }

    @Bean
    RewardCatalog rewardCatalog(DSLContext dsl) {
        return new RewardCatalog(dsl);
    }

    @Bean
    MetricsService metricsService(DSLContext dsl) {
        return new MetricsService(dsl);
    }

    @Bean
    LedgerVerifier ledgerVerifier(DSLContext dsl) {
        return new LedgerVerifier(dsl);
    }
}
