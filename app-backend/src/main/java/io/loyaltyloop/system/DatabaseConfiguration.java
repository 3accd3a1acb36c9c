package io.loyaltyloop.system;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * Chooses the database, in this order: {@code spring.datasource.*} if its URL is set (Boot's own
 * handling, untouched), else {@code DATABASE_URL}, else the embedded PostgreSQL in {@code
 * loyalty.database.embedded.data-directory}. Boot builds the pool and runs Flyway on it either way.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DatabaseProperties.class)
class DatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DatabaseConfiguration.class);
    private static final String SPRING_DATASOURCE_URL = "spring.datasource.url";

    /** Closed after the pool that uses it, because the pool's bean depends on it. */
    @Bean(destroyMethod = "close")
    @Conditional(SpringDatasourceUrlMissing.class)
    SelectedDatabase selectedDatabase(Environment environment, DatabaseProperties properties) {
        SelectedDatabase database =
                SelectedDatabase.select(environment.getProperty(DatabaseUrl.VARIABLE), properties.embedded());
        log.info("Database: {}", database.describe());
        return database;
    }

    @Bean
    @Conditional(SpringDatasourceUrlSet.class)
    InitializingBean springDatasourceLog(DataSourceProperties properties) {
        return () -> log.info(
                "Database: {} (from {})",
                new JdbcTarget(properties.getUrl(), properties.getUsername(), null).describe(),
                SPRING_DATASOURCE_URL);
    }

    private static boolean springDatasourceUrlSet(ConditionContext context) {
        return StringUtils.hasText(context.getEnvironment().getProperty(SPRING_DATASOURCE_URL));
    }

    static final class SpringDatasourceUrlSet implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return springDatasourceUrlSet(context);
        }
    }

    static final class SpringDatasourceUrlMissing implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !springDatasourceUrlSet(context);
        }
    }
}
