package io.loyaltyloop.broadleaf;

import java.net.MalformedURLException;
import java.net.URL;
import java.util.regex.Pattern;

/**
 * The module's configuration, one bean ({@code loyaltyLoopSettings}) filled from the site's
 * properties ({@code loyaltyloop.*}, see {@code docs/broadleaf-module.md}). Mutable on purpose:
 * Broadleaf 3.1 configures beans through setters in XML.
 *
 * <p>The secret never has to be in a properties file: when {@code loyaltyloop.site.secret} is empty
 * the bean reads the environment variable {@code LOYALTYLOOP_SITE_SECRET}.
 */
public class LoyaltyLoopSettings {

    /** The site id rule of the wire contract. */
    static final Pattern SITE_ID = Pattern.compile("^[a-z0-9][a-z0-9-]{2,63}$");

    static final String SECRET_ENV = "LOYALTYLOOP_SITE_SECRET";

    private volatile String backendUrl = "";
    private volatile String siteId = "";
    private volatile String siteSecret = "";
    private volatile String previousSiteSecret = "";
    private volatile int connectTimeoutMillis = 5000;
    private volatile int readTimeoutMillis = 10000;
    private volatile int storefrontTimeoutMillis = 4000;
    private volatile boolean reviewsWriteToBroadleaf;

    /** Whether the module can talk to the backend at all; when not, events still go to the outbox. */
    public boolean isConfigured() {
        return !backendUrl.isEmpty()
                && SITE_ID.matcher(siteId).matches()
                && !getSiteSecret().isEmpty();
    }

    public String getBackendUrl() {
        return backendUrl;
    }

    /** The backend's base URL, e.g. {@code https://loyalty.example.com}; a path prefix is kept. */
    public void setBackendUrl(String backendUrl) {
        String url = backendUrl == null ? "" : backendUrl.trim();
        while (url.endsWith("/")) {
            url = url.substring(0, url.length() - 1);
        }
        if (!url.isEmpty()) {
            try {
                String protocol = new URL(url).getProtocol();
                if (!"https".equals(protocol) && !"http".equals(protocol)) {
                    throw new IllegalArgumentException("loyaltyloop.backend.url must be http(s): " + url);
                }
            } catch (MalformedURLException e) {
                throw new IllegalArgumentException("loyaltyloop.backend.url is not a URL: " + url, e);
            }
        }
        this.backendUrl = url;
    }

    public String getSiteId() {
        return siteId;
    }

    public void setSiteId(String siteId) {
        String id = siteId == null ? "" : siteId.trim();
        if (!id.isEmpty() && !SITE_ID.matcher(id).matches()) {
            throw new IllegalArgumentException("loyaltyloop.site.id must match " + SITE_ID + ": " + id);
        }
        this.siteId = id;
    }

    /** The configured secret, else {@code LOYALTYLOOP_SITE_SECRET} from the environment, else empty. */
    public String getSiteSecret() {
        if (!siteSecret.isEmpty()) {
            return siteSecret;
        }
        String fromEnv = System.getenv(SECRET_ENV);
        return fromEnv == null ? "" : fromEnv.trim();
    }

    public void setSiteSecret(String siteSecret) {
        this.siteSecret = siteSecret == null ? "" : siteSecret.trim();
    }

    /** During a rotation the backend may still sign with the previous secret for 24 h. */
    public String getPreviousSiteSecret() {
        return previousSiteSecret;
    }

    public void setPreviousSiteSecret(String previousSiteSecret) {
        this.previousSiteSecret = previousSiteSecret == null ? "" : previousSiteSecret.trim();
    }

    public int getConnectTimeoutMillis() {
        return connectTimeoutMillis;
    }

    public void setConnectTimeoutMillis(int connectTimeoutMillis) {
        this.connectTimeoutMillis = positive(connectTimeoutMillis, "connect timeout");
    }

    public int getReadTimeoutMillis() {
        return readTimeoutMillis;
    }

    public void setReadTimeoutMillis(int readTimeoutMillis) {
        this.readTimeoutMillis = positive(readTimeoutMillis, "read timeout");
    }

    /** Shorter than the sender's: a shopper's page waits on it (the widget loads asynchronously). */
    public int getStorefrontTimeoutMillis() {
        return storefrontTimeoutMillis;
    }

    public void setStorefrontTimeoutMillis(int storefrontTimeoutMillis) {
        this.storefrontTimeoutMillis = positive(storefrontTimeoutMillis, "storefront timeout");
    }

    public boolean isReviewsWriteToBroadleaf() {
        return reviewsWriteToBroadleaf;
    }

    public void setReviewsWriteToBroadleaf(boolean reviewsWriteToBroadleaf) {
        this.reviewsWriteToBroadleaf = reviewsWriteToBroadleaf;
    }

    private static int positive(int value, String what) {
        if (value <= 0) {
            throw new IllegalArgumentException("loyaltyloop " + what + " must be positive: " + value);
        }
        return value;
    }
}
