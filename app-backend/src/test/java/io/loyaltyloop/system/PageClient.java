package io.loyaltyloop.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** A browser without JavaScript (or with htmx) against the running backend: GETs and form POSTs. */
public final class PageClient {

    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;

    public PageClient(int port) {
        this.base = "http://localhost:" + port;
    }

    public HttpResponse<String> get(String pathOrUrl) {
        return send(HttpRequest.newBuilder(uri(pathOrUrl)).GET().build());
    }

    public HttpResponse<String> post(String pathOrUrl, Map<String, String> form, boolean htmx) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(pathOrUrl))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(form)));
        if (htmx) {
            request.header("HX-Request", "true");
        }
        return send(request.build());
    }

    public HttpResponse<String> postRaw(String pathOrUrl, String body) {
        return send(HttpRequest.newBuilder(uri(pathOrUrl))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    public HttpResponse<String> postJson(String pathOrUrl, String json) {
        return send(HttpRequest.newBuilder(uri(pathOrUrl))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build());
    }

    /** Form fields in the order given. */
    public static Map<String, String> form(String... keysAndValues) {
        Map<String, String> form = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            form.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return form;
    }

    private URI uri(String pathOrUrl) {
        if (pathOrUrl.startsWith("http")) {
            // Links in emails carry the public base URL; tests reach the same path on the local port.
            URI given = URI.create(pathOrUrl);
            return URI.create(
                    base + given.getRawPath() + (given.getRawQuery() == null ? "" : "?" + given.getRawQuery()));
        }
        return URI.create(base + pathOrUrl);
    }

    /** The form as {@code application/x-www-form-urlencoded}. */
    public static String encode(Map<String, String> form) {
        return form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private HttpResponse<String> send(HttpRequest request) {
        return send(http, request);
    }

    /** Sends and reads the body as a string; I/O failures and interrupts become unchecked. */
    public static HttpResponse<String> send(HttpClient http, HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
