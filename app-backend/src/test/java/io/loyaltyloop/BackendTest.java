package io.loyaltyloop;

import io.loyaltyloop.testing.MutableClock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;
import java.util.stream.Stream;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;

/**
 * The whole backend on a real HTTP port, on its default database: an embedded PostgreSQL in a fresh
 * data directory. Every subclass shares this one application context and so this one database, so
 * tests keep to shops of their own.
 *
 * <p>The data directory lives under target/ rather than in a JUnit temporary directory: the server
 * stops only when the JVM exits, after JUnit would have deleted the directory under it.
 */
@SpringBootTest(
        classes = {LoyaltyLoopApplication.class, BackendTest.TestClock.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            // Fast enough for a test to watch a job run, instead of triggering it by hand.
            "loyalty.jobs.release-interval=1s",
            "db-scheduler.polling-interval=500ms"
        })
public abstract class BackendTest {

    /** Before every order the test builders make, so nothing is due until a test moves the clock. */
    public static final Instant START = Instant.parse("2026-11-01T00:00:00Z");

    protected static final Path DATA_DIRECTORY = freshDataDirectory();

    @DynamicPropertySource
    static void embeddedDatabase(DynamicPropertyRegistry registry) {
        registry.add("loyalty.database.embedded.data-directory", DATA_DIRECTORY::toString);
    }

    private static Path freshDataDirectory() {
        Path parent = Path.of("target", "test-postgres").toAbsolutePath();
        // Earlier runs' clusters, 40 MB each; a directory still holding postmaster.pid may be in use.
        try (Stream<Path> earlier = Files.exists(parent) ? Files.list(parent) : Stream.empty()) {
            for (Path directory : earlier.toList()) {
                if (!Files.exists(directory.resolve("postmaster.pid"))) {
                    FileSystemUtils.deleteRecursively(directory);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return parent.resolve("backend-" + UUID.randomUUID());
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class TestClock {

        @Bean
        @Primary
        MutableClock testClock() {
            return new MutableClock(START);
        }
    }
}
