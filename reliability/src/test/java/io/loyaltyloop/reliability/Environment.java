package io.loyaltyloop.reliability;

import io.loyaltyloop.testing.process.BackendProcess;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What every scenario runs against, started once per test JVM: one PostgreSQL, one SMTP server,
 * one Shopify, and one backend process on them. Scenarios that need more processes (a restart,
 * three instances) start them on the same database with {@link #startBackend()}. Every scenario
 * uses shops of its own.
 */
final class Environment {

    private static Environment shared;

    final Database database;
    final Mailbox mail;
    final FakeShopify shopify;
    final Webhooks webhooks;
    final String apiSecret = randomBase64(32);
    final BackendProcess backend;

    private final String tokenKey = randomBase64(32);
    private final String linkKey = randomBase64(32);
    private final List<BackendProcess> started = new ArrayList<>();
    private final AtomicLong ids = new AtomicLong(System.currentTimeMillis() * 1000);

    private Environment() throws Exception {
        database = Database.start();
        mail = new Mailbox(BackendProcess.freePort());
        shopify = FakeShopify.start();
        webhooks = new Webhooks(apiSecret);
        backend = startBackend();
    }

    static synchronized Environment shared() throws Exception {
        if (shared == null) {
            shared = new Environment();
            Runtime.getRuntime().addShutdownHook(new Thread(shared::stopAll));
        }
        return shared;
    }

    /** Another backend process on the same database, SMTP and Shopify, ready to serve. */
    BackendProcess startBackend() throws Exception {
        BackendProcess process =
                BackendProcess.start(BackendProcess.freePort(), database.url(), environment(), properties());
        synchronized (started) {
            started.add(process);
        }
        return process;
    }

    /** A fresh id for an order, customer or shop of a scenario. */
    long nextId() {
        return ids.incrementAndGet();
    }

    String newShop(String scenario) {
        return scenario + "-" + UUID.randomUUID().toString().substring(0, 8) + ".myshopify.com";
    }

    /** Configuration as an operator sets it: secrets and URLs through the environment. */
    private Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("SHOPIFY_API_KEY", FakeShopify.API_KEY);
        env.put("SHOPIFY_API_SECRET", apiSecret);
        env.put("SHOPIFY_SCOPES", "read_orders,write_discounts,write_customers");
        env.put("SHOPIFY_SHOP_ORIGIN_TEMPLATE", shopify.originTemplate());
        env.put("LOYALTY_TOKEN_KEY", tokenKey);
        env.put("LOYALTY_LINK_KEY", linkKey);
        env.put("LOYALTY_JOURNEY_QUIET_HOURS", "false");
        return env;
    }

    /**
     * The intervals and backoffs of the README's configuration table, shortened so that the
     * scenarios (outages included) take seconds, not hours.
     */
    private Map<String, String> properties() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("spring.mail.host", "127.0.0.1");
        properties.put("spring.mail.port", String.valueOf(mail.port()));
        properties.put("spring.datasource.hikari.maximum-pool-size", "8");
        properties.put("loyalty.journey.dispatch-interval", "500ms");
        properties.put("spring.mail.properties[mail.smtp.connectiontimeout]", "2000");
        properties.put("spring.mail.properties[mail.smtp.timeout]", "3000");
        properties.put("spring.mail.properties[mail.smtp.writetimeout]", "3000");
        // A sender killed mid-send holds its messages this long; then they are FAILED, never resent.
        properties.put("loyalty.email.lease", "15s");
        properties.put("loyalty.email.poll-interval", "250ms");
        properties.put("loyalty.email.initial-backoff", "1s");
        properties.put("loyalty.email.max-backoff", "2s");
        // An outage here lasts until every email was tried twice and Shopify's failures were taken;
        // on a loaded machine that outlasts 16 attempts at 1-2 s, and a message given up is never sent.
        properties.put("loyalty.email.max-attempts", "100");
        properties.put("loyalty.shopify.inbox.poll-interval", "250ms");
        properties.put("loyalty.shopify.inbox.lease", "10s");
        properties.put("loyalty.shopify.admin.initial-backoff", "200ms");
        properties.put("loyalty.shopify.admin.max-wait", "2s");
        properties.put("loyalty.shopify.admin.read-timeout", "2s");
        properties.put("loyalty.shopify.issuing.interval", "500ms");
        properties.put("loyalty.shopify.issuing.lease", "30s");
        properties.put("loyalty.shopify.issuing.initial-backoff", "1s");
        properties.put("loyalty.shopify.issuing.max-backoff", "2s");
        properties.put("loyalty.shopify.mirror.interval", "500ms");
        properties.put("loyalty.shopify.mirror.lease", "30s");
        properties.put("loyalty.shopify.mirror.initial-backoff", "1s");
        properties.put("loyalty.shopify.mirror.max-backoff", "2s");
        properties.put("loyalty.jobs.release-interval", "1s");
        properties.put("db-scheduler.polling-interval", "500ms");
        return properties;
    }

    private void stopAll() {
        synchronized (started) {
            for (BackendProcess process : started) {
                try {
                    process.close();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
        shopify.close();
        mail.close();
        try {
            database.close();
        } catch (Exception ignored) {
            // the JVM is ending
        }
    }

    static String randomBase64(int bytes) {
        byte[] random = new byte[bytes];
        new SecureRandom().nextBytes(random);
        return Base64.getEncoder().encodeToString(random);
    }
}
