package io.loyaltyloop.broadleaf.testing;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.springframework.mock.web.MockHttpServletRequest;

/** Backend → site requests, signed as the backend signs them (the test's own contract implementation). */
public final class SignedRequests {

    private SignedRequests() {}

    /** A JSON POST to {@code path}, unsigned. */
    public static MockHttpServletRequest post(String path, String json) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", path);
        request.setContentType("application/json");
        request.setContent(json.getBytes(StandardCharsets.UTF_8));
        return request;
    }

    /** A JSON POST to {@code path}, signed now with the site's secret and a fresh nonce. */
    public static MockHttpServletRequest signedPost(String path, String json) {
        return sign(post(path, json), Backend.SECRET, now(), nonce());
    }

    public static MockHttpServletRequest sign(
            MockHttpServletRequest request, String secret, String timestamp, String nonce) {
        try {
            byte[] body = request.getInputStream().readAllBytes();
            request.addHeader("X-Loyalty-Wire", "1");
            request.addHeader("X-Loyalty-Site", Backend.SITE_ID);
            request.addHeader("X-Loyalty-Timestamp", timestamp);
            request.addHeader("X-Loyalty-Nonce", nonce);
            request.addHeader(
                    "X-Loyalty-Signature",
                    Backend.signature(
                            secret, Backend.SITE_ID, timestamp, nonce, "POST", request.getRequestURI(), body));
            return request;
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String now() {
        return String.valueOf(System.currentTimeMillis() / 1000);
    }

    public static String nonce() {
        return UUID.randomUUID().toString().replace("-", "");
    }
}
