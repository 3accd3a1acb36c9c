package io.loyaltyloop.demo;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/**
 * The backend's settings in the demo. They sit above application.yml and the environment, below
 * command-line arguments ({@code --loyalty.jobs.release-interval=5s} still wins).
 *
 * <p>Real-time intervals are short so that the accelerated clock has something to show: each demo
 * second is already 1/7,200 of a real one. Leases measured on the engine's clock are long, in demo
 * time, so that a clock jump never takes a message or a reward code away from a sender mid-call.
 */
final class DemoProperties {

    private DemoProperties() {}

    static Map<String, Object> of(Path dataDirectory, ShopifyDevStore store, DemoMailbox mailbox, String apiSecret) {
        Map<String, Object> p = new HashMap<>();
        p.put("loyalty.database.embedded.data-directory", dataDirectory.toString());
        // Keys for this run only, never written anywhere.
        p.put("loyalty.shopify.api-key", DemoInstall.API_KEY);
        p.put("loyalty.shopify.api-secret", apiSecret);
        p.put("loyalty.shopify.token-key", randomKey());
        p.put("loyalty.broadleaf.secret-key", randomKey());
        p.put("loyalty.links.key", randomKey());
        p.put("loyalty.shopify.scopes", "read_orders,read_customers,write_discounts,write_customers");
        p.put("loyalty.shopify.app-url", "http://localhost:${server.port}");
        p.put("loyalty.shopify.shop-origin-template", store.shopOrigin());
        p.put("loyalty.shopify.admin.shop-origin", store.shopOrigin());
        p.put("spring.mail.host", "127.0.0.1");
        p.put("spring.mail.port", mailbox.port());
        p.put("loyalty.email.from", "loyalty@loop-demo.example");
        p.put("loyalty.storefront.test-page.enabled", true);
        // Every email at once: quiet hours would hold review requests for most of each demo day.
        p.put("loyalty.journey.quiet-hours", false);
        p.put("loyalty.journey.dispatch-interval", "1s");
        p.put("loyalty.journey.watch-interval", "10s");
        p.put("loyalty.jobs.release-interval", "1s");
        p.put("loyalty.jobs.expiry-interval", "10s");
        p.put("loyalty.jobs.tier-refresh-interval", "1m");
        p.put("db-scheduler.polling-interval", "500ms");
        p.put("loyalty.email.poll-interval", "500ms");
        p.put("loyalty.email.lease", "30d");
        p.put("loyalty.shopify.inbox.poll-interval", "200ms");
        p.put("loyalty.shopify.issuing.interval", "1s");
        p.put("loyalty.shopify.issuing.lease", "30d");
        p.put("loyalty.shopify.mirror.interval", "2s");
        p.put("loyalty.shopify.mirror.lease", "30d");
        p.put("loyalty.shopify.order-import.start-interval", "2s");
        return p;
    }

    private static String randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }
}
