package io.loyaltyloop.system;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The embedded PostgreSQL used when neither {@code spring.datasource.url} nor {@code DATABASE_URL} is
 * set.
 *
 * @param embedded where the embedded server keeps its data and which port it listens on
 */
@Validated
@ConfigurationProperties("loyalty.database")
record DatabaseProperties(@Valid @NotNull @DefaultValue Embedded embedded) {

    /**
     * @param dataDirectory survives restarts; a relative path is resolved against the working
     *     directory of the process, so run the backend and the operator commands from the same place
     * @param port 0 picks a free port at every start; operator commands find it in the data directory
     */
    record Embedded(
            @NotNull @DefaultValue("./data/postgres") Path dataDirectory,
            @Min(0) @Max(65535) @DefaultValue("0") int port) {}
}
