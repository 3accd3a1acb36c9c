package io.loyaltyloop.broadleaf.testing;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.loyaltyloop.broadleaf.LoyaltyLoopSettings;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The Loyalty Loop backend as WireMock, with the contract's signature checked by an implementation
 * of its own (written from the contract text, not from the module's {@code WireSignature}).
 */
public final class Backend implements AutoCloseable {

    public static final String SITE_ID = "test-site";
    public static final String SECRET = "test-secret-not-for-production-0123456789abc";

    public final WireMockServer server = new WireMockServer(options().dynamicPort());

    private Backend() {}

    /** Starts WireMock and points the site's settings at it. */
    public static Backend start() {
        Backend backend = new Backend();
        backend.server.start();
        BroadleafSite.bean("loyaltyLoopSettings", LoyaltyLoopSettings.class)
                .setBackendUrl("http://localhost:" + backend.server.port());
        return backend;
    }

    /** True when {@code request} carries a valid v1 signature of this site over its exact bytes. */
    public static boolean signedBySite(LoggedRequest request) {
        URI uri = URI.create(request.getUrl());
        String pathAndQuery = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        String expected = signature(
                SECRET,
                request.getHeader("X-Loyalty-Site"),
                request.getHeader("X-Loyalty-Timestamp"),
                request.getHeader("X-Loyalty-Nonce"),
                request.getMethod().getName(),
                pathAndQuery,
                request.getBody());
        return "1".equals(request.getHeader("X-Loyalty-Wire"))
                && SITE_ID.equals(request.getHeader("X-Loyalty-Site"))
                && request.getHeader("X-Loyalty-Nonce").matches("[A-Za-z0-9_-]{22,64}")
                && expected.equals(request.getHeader("X-Loyalty-Signature"));
    }

    /** The contract's string to sign, HMAC-SHA256 with the secret's UTF-8 bytes, "v1=" + lowercase hex. */
    public static String signature(
            String secret, String site, String timestamp, String nonce, String method, String path, byte[] body) {
        try {
            String bodyHash = HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(body));
            String text = String.join("\n", "v1", site, timestamp, nonce, method, path, bodyHash);
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "v1=" + HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop();
    }
}
