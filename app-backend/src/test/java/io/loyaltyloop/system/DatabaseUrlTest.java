package io.loyaltyloop.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DatabaseUrlTest {

    @Test
    void convertsThePostgresFormToJdbcWithSeparateCredentials() {
        JdbcTarget target = DatabaseUrl.parse("postgres://loyalty:s3cret@db.example.com:6543/loyalty_prod");

        assertThat(target)
                .isEqualTo(new JdbcTarget("jdbc:postgresql://db.example.com:6543/loyalty_prod", "loyalty", "s3cret"));
    }

    @Test
    void acceptsThePostgresqlSchemeToo() {
        JdbcTarget target = DatabaseUrl.parse("postgresql://app:pw@localhost:5433/app");

        assertThat(target.jdbcUrl()).isEqualTo("jdbc:postgresql://localhost:5433/app");
        assertThat(target.username()).isEqualTo("app");
    }

    @Test
    void decodesAPercentEncodedPasswordButKeepsPlusSigns() {
        JdbcTarget target = DatabaseUrl.parse("postgres://us%65r:p%40ss%3Aw%2Fo+rd@host:5432/db");

        assertThat(target.username()).isEqualTo("user");
        assertThat(target.password()).isEqualTo("p@ss:w/o+rd");
    }

    @Test
    void carriesQueryParametersSuchAsSslmodeOver() {
        JdbcTarget target = DatabaseUrl.parse("postgres://u:p@host:5432/db?sslmode=require&connectTimeout=5");

        assertThat(target.jdbcUrl()).isEqualTo("jdbc:postgresql://host:5432/db?sslmode=require&connectTimeout=5");
    }

    @Test
    void usesPort5432WhenTheUrlHasNone() {
        assertThat(DatabaseUrl.parse("postgres://u:p@db.internal/loyalty").jdbcUrl())
                .isEqualTo("jdbc:postgresql://db.internal:5432/loyalty");
    }

    @Test
    void allowsAUrlWithoutCredentials() {
        assertThat(DatabaseUrl.parse("postgres://localhost/loyalty"))
                .isEqualTo(new JdbcTarget("jdbc:postgresql://localhost:5432/loyalty", null, null));
    }

    @Test
    void passesAJdbcUrlThroughUnchanged() {
        String jdbc = "jdbc:postgresql://host:5432/db?user=u&password=p&sslmode=verify-full";

        assertThat(DatabaseUrl.parse(jdbc)).isEqualTo(new JdbcTarget(jdbc, null, null));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "not a url",
                "mysql://u:p@host:3306/db",
                "jdbc:mysql://host:3306/db",
                "postgres://u:p@host:5432",
                "postgres://u:p@host:5432/a/b",
                "postgres:///db",
                "host:5432/db",
                "   "
            })
    void rejectsAnythingElseSayingWhatIsExpected(String garbage) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> DatabaseUrl.parse(garbage))
                .withMessageStartingWith("DATABASE_URL is not a usable PostgreSQL URL: ")
                .withMessageContaining("Expected postgres://user:password@host:port/database");
    }

    @Test
    void neverRepeatsThePasswordOfARejectedUrl() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> DatabaseUrl.parse("postgres://u:hunter2 secret@host:5432/db"))
                .withMessageNotContaining("hunter2");
    }

    @Test
    void describesATargetWithoutItsPassword() {
        assertThat(DatabaseUrl.parse("postgres://u:hunter2@host/db").describe())
                .isEqualTo("jdbc:postgresql://host:5432/db as u");
        assertThat(DatabaseUrl.parse("jdbc:postgresql://host/db?user=u&password=hunter2&ssl=true")
                        .describe())
                .isEqualTo("jdbc:postgresql://host/db?user=u&password=****&ssl=true");
    }
}
