package io.loyaltyloop.broadleaf.wire;

import io.loyaltyloop.broadleaf.LoyaltyLoopSettings;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.util.Map;

/**
 * Signed HTTP calls from the site to the backend over {@link HttpURLConnection} (no client library
 * to clash with the site's). Every call has a connect and a read timeout; an I/O failure is thrown
 * as {@link IOException} and the caller decides whether to retry.
 */
public class BackendClient {

    /** Answers bigger than this are cut off: the backend's answers are small JSON documents. */
    static final int MAX_ANSWER_BYTES = 1 << 20;

    private final LoyaltyLoopSettings settings;
    private final Clock clock;

    public BackendClient(LoyaltyLoopSettings settings) {
        this(settings, Clock.systemUTC());
    }

    public BackendClient(LoyaltyLoopSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Sends one signed request. {@code pathAndQuery} is relative to the backend URL and already
     * encoded, e.g. {@code /broadleaf/v1/events}.
     */
    public BackendAnswer send(
            String method, String pathAndQuery, String contentType, byte[] body, int readTimeoutMillis)
            throws IOException {
        if (!settings.isConfigured()) {
            throw new IOException("Loyalty Loop is not configured (loyaltyloop.backend.url, site.id, site.secret)");
        }
        URI uri;
        try {
            uri = new URI(settings.getBackendUrl() + pathAndQuery);
        } catch (URISyntaxException e) {
            throw new IOException("not a URL: " + settings.getBackendUrl() + pathAndQuery, e);
        }
        // Signed exactly as it goes on the wire: the raw (still encoded) path and query.
        String wirePath = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        byte[] payload = body == null ? new byte[0] : body;
        Map<String, String> headers = WireSignature.headers(
                settings.getSiteId(), settings.getSiteSecret(), clock.millis() / 1000, method, wirePath, payload);
        HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection();
        try {
            connection.setRequestMethod(method);
            connection.setConnectTimeout(settings.getConnectTimeoutMillis());
            connection.setReadTimeout(readTimeoutMillis);
            connection.setUseCaches(false);
            connection.setInstanceFollowRedirects(false);
            connection.setRequestProperty("Accept", "application/json");
            for (Map.Entry<String, String> header : headers.entrySet()) {
                connection.setRequestProperty(header.getKey(), header.getValue());
            }
            if ("POST".equals(method)) {
                connection.setDoOutput(true);
                connection.setRequestProperty("Content-Type", contentType);
                connection.setFixedLengthStreamingMode(payload.length);
                OutputStream out = connection.getOutputStream();
                try {
                    out.write(payload);
                } finally {
                    out.close();
                }
            }
            int status = connection.getResponseCode();
            InputStream in = status >= 400 ? connection.getErrorStream() : connection.getInputStream();
            return new BackendAnswer(status, connection.getContentType(), readAll(in));
        } finally {
            connection.disconnect();
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        if (in == null) {
            return new byte[0];
        }
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            int read;
            while ((read = in.read(buffer)) != -1 && out.size() < MAX_ANSWER_BYTES) {
                out.write(buffer, 0, read);
            }
            return out.toByteArray();
        } finally {
            in.close();
        }
    }
}
