package io.loyaltyloop.reliability;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The one PostgreSQL of the suite, started in the test JVM with durable commits (fsync on), which
 * every backend process reaches through {@code DATABASE_URL}: killing a backend leaves it running,
 * as a crashed app server leaves a database host. The tests only read it (and say so where not).
 */
final class Database implements AutoCloseable {

    private final EmbeddedPostgres postgres;

    private Database(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    static Database start() throws IOException {
        return new Database(EmbeddedPostgres.builder()
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                .setServerConfig("max_connections", "200")
                .start());
    }

    /** The backends' {@code DATABASE_URL} (the embedded server trusts local connections). */
    String url() {
        return "postgres://postgres:postgres@localhost:" + postgres.getPort() + "/postgres";
    }

    /** The single number {@code sql} answers. */
    long number(String sql, Object... parameters) {
        List<List<Object>> rows = rows(sql, parameters);
        if (rows.size() != 1 || rows.getFirst().size() != 1) {
            throw new IllegalStateException(sql + " answered " + rows);
        }
        Object value = rows.getFirst().getFirst();
        return value == null ? 0 : ((Number) value).longValue();
    }

    List<List<Object>> rows(String sql, Object... parameters) {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet result = statement.executeQuery()) {
                List<List<Object>> rows = new ArrayList<>();
                int columns = result.getMetaData().getColumnCount();
                while (result.next()) {
                    List<Object> row = new ArrayList<>();
                    for (int c = 1; c <= columns; c++) {
                        row.add(result.getObject(c));
                    }
                    rows.add(row);
                }
                return rows;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** The one write the suite does into the app's tables (see where it is called, and why). */
    int update(String sql, Object... parameters) {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
