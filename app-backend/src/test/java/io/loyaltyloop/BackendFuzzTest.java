package io.loyaltyloop;

import net.jqwik.api.lifecycle.BeforeProperty;
import org.springframework.test.context.TestContextManager;

/**
 * The running backend of {@link BackendTest} for jqwik properties. jqwik is a JUnit Platform engine
 * of its own, so Spring's JUnit Jupiter extension never sees these classes: the instance is
 * prepared through Spring's {@link TestContextManager} instead, which takes the same cached context
 * (same configuration, so no second backend or database) and injects the fields as for any test.
 *
 * <p>Fuzz properties leave {@code tries} to {@code jqwik.tries.default}, which the build sets from
 * {@code -Dfuzz.tries} (docs/fuzzing.md), and fix their seed so a failure repeats.
 */
public abstract class BackendFuzzTest extends BackendTest {

    @BeforeProperty
    void injectFromTheSharedContext() throws Exception {
        new TestContextManager(getClass()).prepareTestInstance(this);
    }
}
