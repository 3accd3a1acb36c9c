package io.loyaltyloop.broadleaf;

import io.loyaltyloop.broadleaf.wire.WireHeaders;
import io.loyaltyloop.system.PageClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/** A Broadleaf site calling the backend under test, signing as the plugin does. */
public final class SiteClient {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final int port;
    private final String siteId;
    private final String secret;
    private final Clock clock;

    public SiteClient(int port, String siteId, String secret, Clock clock) {
        this.port = port;
        this.siteId = siteId;
        this.secret = secret;
        this.clock = clock;
    }

    public HttpResponse<String> postJson(String pathAndQuery, String body) {
        return send("POST", pathAndQuery, body.getBytes(StandardCharsets.UTF_8), "application/json", h -> {});
    }

    public HttpResponse<String> get(String pathAndQuery) {
        return send("GET", pathAndQuery, new byte[0], null, h -> {});
    }

    /** A signed request whose headers {@code edit} may change after signing (to forge or drop one). */
    public HttpResponse<String> send(
            String method, String pathAndQuery, byte[] body, String contentType, Consumer<Map<String, String>> edit) {
        Map<String, String> headers =
                new LinkedHashMap<>(WireHeaders.signed(siteId, secret, clock.instant(), method, pathAndQuery, body));
        if (contentType != null) {
            headers.put("Content-Type", contentType);
        }
        edit.accept(headers);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + pathAndQuery))
                .timeout(Duration.ofSeconds(20))
                .method(
                        method,
                        body.length == 0
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        return PageClient.send(HTTP, request.build());
    }
}
