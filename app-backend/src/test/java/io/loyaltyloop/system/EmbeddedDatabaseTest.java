package io.loyaltyloop.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.loyaltyloop.BackendTest;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The default database, as the running backend uses it. */
class EmbeddedDatabaseTest extends BackendTest {

    @Autowired
    DSLContext dsl;

    @Test
    void keepsPostgresDurableDefaultsThatZonkyTurnsOffForTests() {
        assertThat(dsl.fetchValue("show fsync")).isEqualTo("on");
        assertThat(dsl.fetchValue("show synchronous_commit")).isEqualTo("on");
    }

    @Test
    void keepsItsDataInTheConfiguredDirectory() {
        assertThat(dsl.fetchValue("show data_directory")).isEqualTo(DATA_DIRECTORY.toString());
    }
}
