package io.loyaltyloop.journey;

import java.time.Clock;
import org.jooq.DSLContext;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The journey's engine parts: the planner the loyalty engine tells of changed orders, and the
 * facade. The dispatcher needs the email outbox, review invitations and survey links, and is wired
 * where those exist.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(JourneyProperties.class)
class JourneyConfiguration {

    @Bean
    JourneyPlanner journeyPlanner(DSLContext dsl, JourneyProperties properties) {
        return new JourneyPlanner(dsl, properties.toSettings());
    }

    @Bean
    JourneyService journeyService(DSLContext dsl, Clock clock, JourneyProperties properties) {
        return new JourneyService(dsl, clock, properties.toSettings());
    }
}
