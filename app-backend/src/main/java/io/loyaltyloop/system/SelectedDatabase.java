package io.loyaltyloop.system;

import java.util.Optional;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;

/**
 * The database chosen when {@code spring.datasource.url} is not set: {@code DATABASE_URL} if set,
 * else the embedded PostgreSQL. As {@link JdbcConnectionDetails} it feeds Boot's own DataSource, so
 * the {@code spring.datasource.hikari.*} settings still apply.
 */
final class SelectedDatabase implements JdbcConnectionDetails, AutoCloseable {

    private final JdbcTarget target;
    private final Optional<LocalPostgres> embedded;

    private SelectedDatabase(JdbcTarget target, Optional<LocalPostgres> embedded) {
        this.target = target;
        this.embedded = embedded;
    }

    /**
     * @param databaseUrl the value of DATABASE_URL, or null
     * @throws IllegalArgumentException if DATABASE_URL is set but unusable: better to stop than to
     *     quietly fall back to the embedded database
     */
    static SelectedDatabase select(String databaseUrl, DatabaseProperties.Embedded embedded) {
        if (databaseUrl != null && !databaseUrl.isBlank()) {
            return new SelectedDatabase(DatabaseUrl.parse(databaseUrl), Optional.empty());
        }
        LocalPostgres postgres = LocalPostgres.startOrAttach(embedded.dataDirectory(), embedded.port());
        return new SelectedDatabase(postgres.target(), Optional.of(postgres));
    }

    Optional<LocalPostgres> embedded() {
        return embedded;
    }

    String describe() {
        return embedded.map(postgres -> postgres.describe() + " (neither spring.datasource.url nor "
                        + DatabaseUrl.VARIABLE + " is set)")
                .orElseGet(() -> target.describe() + " (from " + DatabaseUrl.VARIABLE + ")");
    }

    @Override
    public String getJdbcUrl() {
        return target.jdbcUrl();
    }

    @Override
    public String getUsername() {
        return target.username();
    }

    @Override
    public String getPassword() {
        return target.password();
    }

    @Override
    public void close() {
        embedded.ifPresent(LocalPostgres::close);
    }
}
