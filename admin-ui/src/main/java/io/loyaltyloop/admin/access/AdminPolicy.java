package io.loyaltyloop.admin.access;

/**
 * The admin pages' Content-Security-Policy: scripts and styles only from this origin (no inline
 * script can run), and framing only by the Shopify admin of the shop the session token named.
 * Embedded pages also load App Bridge, which Shopify requires from its own CDN.
 */
final class AdminPolicy {

    private static final String BASE = "default-src 'self'; style-src 'self'; img-src 'self' data:;"
            + " form-action 'self'; base-uri 'none'; object-src 'none'; ";

    private AdminPolicy() {}

    static String standalone() {
        return BASE + "script-src 'self'; frame-ancestors 'none'";
    }

    /** {@code shopDomain} is a verified myshopify.com host, so it cannot smuggle in another directive. */
    static String embedded(String shopDomain) {
        return BASE + "script-src 'self' https://cdn.shopify.com; connect-src 'self' https://*.shopify.com;"
                + " frame-ancestors https://" + shopDomain + " https://admin.shopify.com";
    }
}
