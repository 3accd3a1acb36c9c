package io.loyaltyloop.demo;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * The demo's changes to the backend's beans: its accelerated clock instead of the system clock.
 * Found by the backend's component scan (this package is under {@code io.loyaltyloop}), so it
 * exists only where the demo module is on the classpath; the clock itself is registered by
 * {@link Demo} before the context refreshes.
 */
@Configuration(proxyBeanMethods = false)
class DemoWiring {

    @Bean
    @Primary
    Clock demoClock(AcceleratedClock clock) {
        return clock;
    }
}
