package io.loyaltyloop.shopify.importing;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import io.loyaltyloop.loyalty.LoyaltyService;
import io.loyaltyloop.shop.ShopService;
import io.loyaltyloop.shopify.admin.ShopifyAdminClient;
import java.time.Clock;
import org.jooq.DSLContext;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The historical orders import: started after an install by a db-scheduler task (one instance runs
 * it, and a PENDING row survives restarts), finished by the {@code bulk_operations/finish} webhook.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OrderImportProperties.class)
class OrderImportConfiguration {

    static final String START_ORDER_IMPORTS = "start-order-imports";

    /** Imports started per run; installs come one at a time, so a run rarely has more than one. */
    private static final int STARTS_PER_RUN = 50;

    @Bean
    OrderImportRepository orderImportRepository(DSLContext dsl) {
        return new OrderImportRepository(dsl);
    }

    @Bean
    OrderImportStarter orderImportStarter(
            OrderImportRepository imports,
            ShopifyAdminClient admin,
            ShopService shops,
            OrderImportProperties properties,
            Clock clock) {
        return new OrderImportStarter(imports, new AdminBulkOrdersImport(admin), shops, properties, clock);
    }

    @Bean
    OrderImportFinisher orderImportFinisher(
            OrderImportRepository imports,
            ShopifyAdminClient admin,
            LoyaltyService loyalty,
            OrderImportProperties properties,
            Clock clock) {
        return new OrderImportFinisher(
                imports,
                new AdminBulkOrdersImport(admin),
                new OrderImportReader(loyalty, imports, properties.batchSize(), properties.readLease(), clock),
                properties,
                clock);
    }

    @Bean
    RecurringTask<Void> startOrderImportsJob(OrderImportStarter starter, OrderImportProperties properties) {
        return Tasks.recurring(START_ORDER_IMPORTS, FixedDelay.of(properties.startInterval()))
                .execute((instance, context) -> starter.startDue(STARTS_PER_RUN));
    }
}
