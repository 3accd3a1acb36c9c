package io.loyaltyloop.system;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

/**
 * The two checks every raw-body endpoint (webhooks, Broadleaf events, the storefront estimate) makes
 * before it reads JSON itself; each answers a failure in its own error format.
 */
public final class RequestBodies {

    private RequestBodies() {}

    /** True for {@code application/json} with any parameters (a charset); false for others or garbage. */
    public static boolean isJson(String contentType) {
        try {
            return contentType != null
                    && MediaType.APPLICATION_JSON.equalsTypeAndSubtype(MediaType.parseMediaType(contentType));
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }

    /**
     * The body, or empty when it is longer than {@code limit}: never more than one byte past the
     * limit is read, so a body too large that does not declare its length (chunked) is refused
     * without being held in memory.
     */
    public static Optional<byte[]> readAtMost(InputStream in, long limit) throws IOException {
        byte[] body = in.readNBytes(Math.toIntExact(limit + 1));
        return body.length > limit ? Optional.empty() : Optional.of(body);
    }
}
