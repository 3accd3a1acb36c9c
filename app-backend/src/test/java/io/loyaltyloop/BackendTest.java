package io.loyaltyloop;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.loyaltyloop.testing.MutableClock;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
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
            "db-scheduler.polling-interval=500ms",
            // Tests that look at inbox rows must not race the worker; InboxWorkerTest drives it.
            "loyalty.shopify.inbox.enabled=false",
            "loyalty.broadleaf.inbox.enabled=false",
            // Broadleaf sites in tests are WireMock on http://localhost.
            "loyalty.broadleaf.allow-http-site-urls=true",
            // Likewise the Shopify sweeps: their tests drive them by hand, against WireMock.
            "loyalty.shopify.issuing.enabled=false",
            "loyalty.shopify.mirror.enabled=false",
            // And the Broadleaf review push: BroadleafReviewPushTest drives it by hand.
            "loyalty.broadleaf.reviews.enabled=false",
            // Tests send the outbox themselves (EmailSender.sendDue), so what arrives is deterministic.
            "loyalty.email.sender-enabled=false",
            "loyalty.email.from=loyalty@loyaltyloop.test",
            // Journeys are dispatched by hand in tests, like the inbox.
            "loyalty.journey.dispatch-enabled=false",
            "loyalty.links.base-url=" + BackendTest.LINKS_BASE_URL,
            // The storefront test page and its stand-in app proxy (StorefrontTestPage*Test).
            "loyalty.storefront.test-page.enabled=true"
        })
public abstract class BackendTest {

    /** Before every order the test builders make, so nothing is due until a test moves the clock. */
    public static final Instant START = Instant.parse("2026-11-01T00:00:00Z");

    protected static final Path DATA_DIRECTORY = freshDataDirectory();

    /** The Shopify app secret for this run: generated, never a real one, never in the repository. */
    protected static final String SHOPIFY_SECRET = randomSecret();

    /** The secret before a rotation, which the backend still accepts. */
    protected static final String SHOPIFY_PREVIOUS_SECRET = randomSecret();

    /**
     * The key of the Broadleaf sites' secrets for this run: generated, never in the repository. The
     * Shopify token key stays unset, as tests of the backend without one expect.
     */
    protected static final String BROADLEAF_SECRET_KEY = randomKey();

    /** Where Shopify sends merchants back to; https, as in production, so cookies are Secure. */
    protected static final String APP_URL = "https://loyalty-loop.test";

    /** The public URL links in emails start with; tests reach the same paths on their own port. */
    protected static final String LINKS_BASE_URL = "https://loyalty.test";

    /** Small, so that tests can go over it cheaply; the default is 2 MiB. */
    protected static final int MAX_WEBHOOK_BODY = 64 * 1024;

    /**
     * One real SMTP server for every backend test, on a free port. It is shared: tests send to
     * addresses of their own and read only those ({@link #receivedEmailsTo}).
     */
    private static final GreenMail SMTP = startedSmtp();

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
    }

    /** Every email the test SMTP server received for {@code address}, oldest first. */
    protected static List<MimeMessage> receivedEmailsTo(String address) {
        return Arrays.stream(SMTP.getReceivedMessages())
                .filter(m -> isTo(m, address))
                .toList();
    }

    /** The subjects of the messages, in their order. */
    protected static List<String> subjectsOf(List<MimeMessage> messages) {
        return messages.stream()
                .map(m -> {
                    try {
                        return m.getSubject();
                    } catch (MessagingException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .toList();
    }

    /** A multipart message's plain-text part, decoded. */
    protected static String plainTextOf(MimeMessage message) throws Exception {
        jakarta.mail.Multipart parts = (jakarta.mail.Multipart) message.getContent();
        for (int i = 0; i < parts.getCount(); i++) {
            if (parts.getBodyPart(i).isMimeType("text/plain")) {
                return (String) parts.getBodyPart(i).getContent();
            }
        }
        throw new AssertionError("no text/plain part");
    }

    /** The port the test SMTP server listens on. */
    protected static int smtpPort() {
        return SMTP.getSmtp().getPort();
    }

    /** Forgets every email received so far (all tests' — use only where that cannot matter). */
    protected static void purgeEmails() {
        try {
            SMTP.purgeEmailFromAllMailboxes();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean isTo(MimeMessage message, String address) {
        try {
            return message.getAllRecipients() != null
                    && Arrays.stream(message.getAllRecipients())
                            .anyMatch(a -> a instanceof InternetAddress i && address.equalsIgnoreCase(i.getAddress()));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static GreenMail startedSmtp() {
        GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
        return smtp;
    }

    @DynamicPropertySource
    static void embeddedDatabase(DynamicPropertyRegistry registry) {
        registry.add("loyalty.database.embedded.data-directory", DATA_DIRECTORY::toString);
    }

    @DynamicPropertySource
    static void shopify(DynamicPropertyRegistry registry) {
        registry.add("loyalty.shopify.api-key", () -> "test-api-key");
        registry.add("loyalty.shopify.api-secret", () -> SHOPIFY_SECRET);
        registry.add("loyalty.shopify.api-secret-previous", () -> SHOPIFY_PREVIOUS_SECRET);
        registry.add("loyalty.shopify.app-url", () -> APP_URL);
        registry.add("loyalty.shopify.scopes", () -> "read_orders,write_discounts");
        registry.add("loyalty.shopify.max-webhook-body", () -> MAX_WEBHOOK_BODY + "B");
    }

    @DynamicPropertySource
    static void broadleaf(DynamicPropertyRegistry registry) {
        registry.add("loyalty.broadleaf.secret-key", () -> BROADLEAF_SECRET_KEY);
    }

    private static String randomSecret() {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        return HexFormat.of().formatHex(secret);
    }

    private static String randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return java.util.Base64.getEncoder().encodeToString(key);
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
