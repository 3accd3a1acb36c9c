package io.loyaltyloop.testing;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.jooq.impl.DataSourceConnectionProvider;
import org.jooq.impl.DefaultConfiguration;
import org.jooq.impl.ThreadLocalTransactionProvider;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * One real PostgreSQL for the whole test JVM, with the project's migrations applied once. Tests
 * isolate themselves by working in shops of their own, not by truncating tables.
 */
public final class TestDatabase {

    private static EmbeddedPostgres postgres;
    private static DataSource dataSource;

    private TestDatabase() {}

    public static synchronized DataSource dataSource() {
        if (dataSource == null) {
            try {
                postgres = EmbeddedPostgres.builder()
                        .setServerConfig("max_connections", "200")
                        .setServerConfig("fsync", "off")
                        .setServerConfig("synchronous_commit", "off")
                        .start();
            } catch (IOException e) {
                throw new UncheckedIOException("could not start the embedded PostgreSQL", e);
            }
            PGSimpleDataSource ds = new PGSimpleDataSource();
            ds.setUrl(postgres.getJdbcUrl("postgres", "postgres"));
            ds.setUser("postgres");
            Flyway.configure().dataSource(ds).load().migrate();
            dataSource = ds;
            Runtime.getRuntime().addShutdownHook(new Thread(TestDatabase::stop));
        }
        return dataSource;
    }

    public static String jdbcUrl() {
        dataSource();
        return postgres.getJdbcUrl("postgres", "postgres");
    }

    /** A DSLContext whose transactions are thread-bound, as the engine expects. */
    public static DSLContext dsl() {
        DataSourceConnectionProvider connections = new DataSourceConnectionProvider(pooled());
        return DSL.using(new DefaultConfiguration()
                .set(SQLDialect.POSTGRES)
                .set(connections)
                .set(new ThreadLocalTransactionProvider(connections)));
    }

    private static DataSource pooled;

    private static synchronized DataSource pooled() {
        if (pooled == null) {
            HikariConfig config = new HikariConfig();
            config.setDataSource(dataSource());
            config.setMaximumPoolSize(48);
            pooled = new HikariDataSource(config);
        }
        return pooled;
    }

    private static void stop() {
        try {
            if (postgres != null) {
                postgres.close();
            }
        } catch (IOException ignored) {
            // the JVM is exiting
        }
    }
}
