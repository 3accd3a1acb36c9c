package io.loyaltyloop.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded server: one per data directory, however many processes want it. */
class LocalPostgresTest {

    @TempDir
    Path dataDirectory;

    @Test
    void aSecondUserOfTheDataDirectoryConnectsToTheRunningServerInsteadOfStartingAnother() throws SQLException {
        try (LocalPostgres first = LocalPostgres.startOrAttach(dataDirectory, 0)) {
            execute(first.target(), "create table marker (id int)");

            LocalPostgres second = LocalPostgres.startOrAttach(dataDirectory, 0);

            assertThat(first.startedHere()).isTrue();
            assertThat(second.startedHere()).isFalse();
            assertThat(second.port()).isEqualTo(first.port());
            assertThat(second.describe()).contains("already running on port " + first.port());
            assertThat(query(second.target(), "select count(*) from marker")).isEqualTo("0");

            second.close();
            assertThat(query(first.target(), "select 1"))
                    .as("closing an attached server leaves it running")
                    .isEqualTo("1");
        }
        assertThat(PostmasterPid.running(dataDirectory))
                .as("the server that started it stops it")
                .isEmpty();
    }

    private static void execute(JdbcTarget target, String sql) throws SQLException {
        try (Connection c = connect(target);
                Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static String query(JdbcTarget target, String sql) throws SQLException {
        try (Connection c = connect(target);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static Connection connect(JdbcTarget target) throws SQLException {
        return DriverManager.getConnection(target.jdbcUrl(), target.username(), target.password());
    }
}
