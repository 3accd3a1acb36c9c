package io.loyaltyloop.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * Which database the backend picks. The pool connects lazily, so these contexts start without any
 * server behind the URLs; the embedded choice is covered by the tests that start the backend.
 */
class DatabaseSelectionTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class))
            .withUserConfiguration(DatabaseConfiguration.class);

    @Test
    void usesSpringDatasourcePropertiesWhenSetEvenIfDatabaseUrlIsSetToo() {
        context.withPropertyValues(
                        "spring.datasource.url=jdbc:postgresql://spring-host:5432/loyalty",
                        "spring.datasource.username=spring-user",
                        "DATABASE_URL=postgres://other:pw@other-host/other")
                .run(app -> {
                    assertThat(app).doesNotHaveBean(SelectedDatabase.class);
                    assertThat(hikari(app.getBean(DataSource.class)).getJdbcUrl())
                            .isEqualTo("jdbc:postgresql://spring-host:5432/loyalty");
                    assertThat(hikari(app.getBean(DataSource.class)).getUsername())
                            .isEqualTo("spring-user");
                });
    }

    @Test
    void usesDatabaseUrlWhenSet() {
        context.withPropertyValues("DATABASE_URL=postgres://app:p%40ss@db.example.com/loyalty?sslmode=require")
                .run(app -> {
                    HikariDataSource pool = hikari(app.getBean(DataSource.class));
                    assertThat(pool.getJdbcUrl())
                            .isEqualTo("jdbc:postgresql://db.example.com:5432/loyalty?sslmode=require");
                    assertThat(pool.getUsername()).isEqualTo("app");
                    assertThat(pool.getPassword()).isEqualTo("p@ss");
                    assertThat(app.getBean(SelectedDatabase.class).embedded()).isEmpty();
                });
    }

    @Test
    void failsAtStartupWhenDatabaseUrlIsUnusableAndSaysWhatToDo() {
        context.withPropertyValues("DATABASE_URL=mysql://app:pw@db.example.com/loyalty")
                .run(app -> {
                    assertThat(app).hasFailed();
                    FailureAnalysis analysis = new InvalidDatabaseUrlFailureAnalyzer().analyze(app.getStartupFailure());
                    assertThat(analysis.getDescription())
                            .startsWith("DATABASE_URL is not a usable PostgreSQL URL: its scheme must be");
                    assertThat(analysis.getAction())
                            .isEqualTo("Fix DATABASE_URL, or unset it to use the embedded PostgreSQL.");
                });
    }

    private static HikariDataSource hikari(DataSource dataSource) {
        assertThat(dataSource).isInstanceOf(HikariDataSource.class);
        return (HikariDataSource) dataSource;
    }
}
