package io.loyaltyloop;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

class HealthTest extends BackendTest {

    @LocalServerPort
    int port;

    @Autowired
    DSLContext dsl;

    @Autowired
    org.springframework.context.ApplicationContext context;

    @Test
    void reportsUpWithoutDetailsOnceTheMigrationsRan() throws Exception {
        HttpResponse<String> response;
        try (HttpClient http = HttpClient.newHttpClient()) {
            response = http.send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"status\":\"UP\"}");
        assertThat(dsl.fetchValue("select max(version::int) from flyway_schema_history where success"))
                .isEqualTo(newestMigration());
    }

    /** The highest V<n>__ migration on the classpath, so that a new migration needs no edit here. */
    private static int newestMigration() throws java.io.IOException {
        return java.util.Arrays.stream(new org.springframework.core.io.support.PathMatchingResourcePatternResolver()
                        .getResources("classpath*:db/migration/V*__*.sql"))
                .map(r -> r.getFilename().substring(1, r.getFilename().indexOf("__")))
                .mapToInt(Integer::parseInt)
                .max()
                .orElseThrow();
    }

    @Test
    void leavesTheSmtpServerOutOfHealthSinceTheOutboxRidesOutAnOutage() {
        assertThat(context.getBeanNamesForType(org.springframework.boot.health.contributor.HealthContributor.class))
                .isNotEmpty()
                .noneMatch(name -> name.toLowerCase(java.util.Locale.ROOT).contains("mail"));
    }

    @Test
    void exposesNoOtherActuatorEndpoints() throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            for (String endpoint : new String[] {"env", "beans", "configprops", "metrics"}) {
                HttpResponse<Void> response = http.send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/" + endpoint))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());

                assertThat(response.statusCode()).as(endpoint).isEqualTo(404);
            }
        }
    }
}
