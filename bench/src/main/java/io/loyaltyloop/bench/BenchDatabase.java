package io.loyaltyloop.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.flywaydb.core.Flyway;
import org.jooq.DSLContext;
import org.jooq.ExecuteListener;
import org.jooq.SQLDialect;
import org.jooq.TransactionListener;
import org.jooq.impl.DSL;
import org.jooq.impl.DataSourceConnectionProvider;
import org.jooq.impl.DefaultConfiguration;
import org.jooq.impl.ThreadLocalTransactionProvider;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * An embedded PostgreSQL 17 of the benchmark's own, migrated, with a HikariCP pool and a jOOQ
 * {@link DSLContext} wired like core's {@code TestDatabase} (thread-bound transactions).
 *
 * <p>Unlike {@code TestDatabase} (fsync=off, synchronous_commit=off) this one runs with
 * PostgreSQL's <em>default durability</em>: note that zonky's builder itself defaults to
 * {@code synchronous_commit=off} and starts the postmaster with {@code -F} (fsync off), so both are
 * set back explicitly here. Every commit then waits for its WAL flush, as in production. The
 * settings in force are read back from the server ({@link #settings()}) and printed by the drivers.
 *
 * <p>With {@code -DdatabaseUrl=jdbc:postgresql://…} (e.g. from {@code bench/external-postgres.sh})
 * it uses that <em>external</em> server instead: the server's own settings apply (nothing is
 * overridden), and the schema {@code public} is dropped and migrated afresh — so point it only at
 * a benchmark database. {@code -DexternalDataDir} (the cluster's data directory) lets the drivers
 * find the postmaster for CPU accounting.
 */
public final class BenchDatabase implements AutoCloseable {

    /** How the server is started; {@code synchronousCommit} "on" is the honest, default setting. */
    public record Options(
            String synchronousCommit,
            boolean fsync,
            boolean statementStats,
            int poolSize,
            Path dataDirectory,
            String externalUrl) {

        public static Options fromSystemProperties() {
            String external = System.getProperty("databaseUrl", "").trim();
            return new Options(
                    System.getProperty("synchronousCommit", "on"),
                    Boolean.parseBoolean(System.getProperty("fsync", "true")),
                    Boolean.parseBoolean(System.getProperty("pgStatStatements", "false")),
                    Integer.getInteger("poolSize", 16),
                    Optional.ofNullable(System.getProperty(external.isEmpty() ? "dataDir" : "externalDataDir"))
                            .map(Path::of)
                            .orElse(null),
                    external.isEmpty() ? null : external);
        }

        public Options withSynchronousCommit(String value) {
            return new Options(value, fsync, statementStats, poolSize, dataDirectory, externalUrl);
        }

        public Options withStatementStats(boolean value) {
            return new Options(synchronousCommit, fsync, value, poolSize, dataDirectory, externalUrl);
        }

        public Options withPoolSize(int value) {
            return new Options(synchronousCommit, fsync, statementStats, value, dataDirectory, externalUrl);
        }

        public boolean external() {
            return externalUrl != null;
        }
    }

    private final EmbeddedPostgres postgres;
    private final HikariDataSource pool;
    private final Path dataDirectory;

    private BenchDatabase(EmbeddedPostgres postgres, HikariDataSource pool, Path dataDirectory) {
        this.postgres = postgres;
        this.pool = pool;
        this.dataDirectory = dataDirectory;
    }

    public static BenchDatabase start(Options options) {
        if (options.external()) {
            return connect(options);
        }
        try {
            Path dataDirectory = options.dataDirectory() != null
                    ? options.dataDirectory()
                    : Files.createTempDirectory("loyalty-bench-pg");
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(true)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("max_connections", "100")
                    // PostgreSQL's defaults, which zonky overrides (it passes -F and synchronous_commit=off).
                    .setServerConfig("fsync", options.fsync() ? "on" : "off")
                    .setServerConfig("synchronous_commit", options.synchronousCommit())
                    .setServerConfig("full_page_writes", "on");
            if (options.statementStats()) {
                builder.setServerConfig("shared_preload_libraries", "pg_stat_statements")
                        .setServerConfig("pg_stat_statements.track", "all")
                        .setServerConfig("track_io_timing", "on");
            }
            EmbeddedPostgres postgres = builder.start();

            PGSimpleDataSource ds = new PGSimpleDataSource();
            ds.setUrl(postgres.getJdbcUrl("postgres", "postgres"));
            ds.setUser("postgres");
            return migrated(ds, options, postgres, dataDirectory);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded PostgreSQL", e);
        }
    }

    /** An external server: its settings as they are; the schema is dropped and migrated afresh. */
    private static BenchDatabase connect(Options options) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl(options.externalUrl());
        DSL.using(ds, SQLDialect.POSTGRES).execute("drop schema if exists public cascade; create schema public");
        return migrated(ds, options, null, options.dataDirectory());
    }

    private static BenchDatabase migrated(
            PGSimpleDataSource ds, Options options, EmbeddedPostgres postgres, Path dataDirectory) {
        Flyway.configure().dataSource(ds).load().migrate();
        HikariConfig config = new HikariConfig();
        config.setDataSource(ds);
        config.setMaximumPoolSize(options.poolSize());
        config.setMinimumIdle(options.poolSize());
        config.setPoolName("bench");
        BenchDatabase db = new BenchDatabase(postgres, new HikariDataSource(config), dataDirectory);
        if (options.statementStats()) {
            db.plainDsl().execute("create extension if not exists pg_stat_statements");
        }
        return db;
    }

    /** A JDBC URL for another process (the backend, the Node peer) to reach this server. */
    public String jdbcUrl() {
        return String.valueOf(plainDsl()
                .fetchValue("select 'jdbc:postgresql://127.0.0.1:' || current_setting('port')"
                        + " || '/' || current_database() || '?user=' || current_user"));
    }

    public boolean external() {
        return postgres == null;
    }

    /** A DSLContext whose transactions are thread-bound, as the engine expects. */
    public DSLContext dsl(ExecuteListener... listeners) {
        return dsl(List.of(listeners), List.of());
    }

    public DSLContext dsl(List<ExecuteListener> executeListeners, List<TransactionListener> transactionListeners) {
        DataSourceConnectionProvider connections = new DataSourceConnectionProvider(pool);
        DefaultConfiguration configuration = new DefaultConfiguration();
        configuration.set(SQLDialect.POSTGRES).set(connections).set(new ThreadLocalTransactionProvider(connections));
        if (!executeListeners.isEmpty()) {
            configuration.set(executeListeners.toArray(ExecuteListener[]::new));
        }
        if (!transactionListeners.isEmpty()) {
            configuration.set(transactionListeners.toArray(TransactionListener[]::new));
        }
        return DSL.using(configuration);
    }

    /** For the drivers' own bookkeeping queries (settings, counters), outside the measured path. */
    public DSLContext plainDsl() {
        return DSL.using(pool, SQLDialect.POSTGRES);
    }

    /** The durability-relevant settings the server actually runs with. */
    public Map<String, String> settings() {
        var result = new java.util.LinkedHashMap<String, String>();
        for (String name : List.of(
                "server_version",
                "fsync",
                "synchronous_commit",
                "full_page_writes",
                "wal_sync_method",
                "shared_buffers")) {
            result.put(name, plainDsl().fetchValue(DSL.field("current_setting({0})", String.class, DSL.val(name))));
        }
        return result;
    }

    public String describe() {
        List<String> parts = new ArrayList<>();
        settings().forEach((k, v) -> parts.add(k + "=" + v));
        return (external() ? "EXTERNAL " : "embedded ") + String.join(", ", parts) + "; data directory "
                + dataDirectory;
    }

    /** The postmaster's process id, read from its pid file, for CPU accounting. */
    public Optional<Long> postmasterPid() {
        if (dataDirectory == null) {
            return Optional.empty();
        }
        try {
            List<String> lines = Files.readAllLines(dataDirectory.resolve("postmaster.pid"));
            return Optional.of(Long.parseLong(lines.getFirst().trim()));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    @Override
    public void close() {
        pool.close();
        if (postgres == null) {
            return;
        }
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
