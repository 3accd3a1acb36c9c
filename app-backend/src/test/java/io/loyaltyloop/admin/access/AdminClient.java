package io.loyaltyloop.admin.access;

import io.loyaltyloop.system.PageClient;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A browser without JavaScript against the admin: keeps its cookies (the login session), never
 * follows redirects (tests look at them), and can send htmx's and App Bridge's headers.
 */
final class AdminClient {

    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final CookieManager cookies = new CookieManager();
    private final HttpClient http = HttpClient.newBuilder()
            .cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    private final String base;

    AdminClient(int port) {
        this.base = "http://localhost:" + port;
    }

    HttpResponse<String> get(String path, String... headers) {
        return send(request(path, headers).GET().build());
    }

    HttpResponse<String> post(String path, Map<String, String> form, String... headers) {
        return send(request(path, headers)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(PageClient.encode(form)))
                .build());
    }

    /** Posts an encoded form body as is: for forms that repeat a field (ticked checkboxes). */
    HttpResponse<String> postEncoded(String path, String body, String... headers) {
        return send(request(path, headers)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    /** Posts the form with the CSRF token of the page at {@code formPage}, as a browser would. */
    HttpResponse<String> postWithCsrf(String formPage, String path, Map<String, String> form, String... headers) {
        Map<String, String> withToken = new LinkedHashMap<>(form);
        withToken.put("_csrf", csrfTokenOf(get(formPage).body()));
        return post(path, withToken, headers);
    }

    /** Logs in through the form; the answer is the redirect Spring Security sends. */
    HttpResponse<String> login(String store, String email, String password) {
        return postWithCsrf(
                "/admin/login", "/admin/login", PageClient.form("shop", store, "email", email, "password", password));
    }

    static String csrfTokenOf(String html) {
        Matcher matcher = CSRF_FIELD.matcher(html);
        if (!matcher.find()) {
            throw new AssertionError("no CSRF field in " + html);
        }
        return matcher.group(1);
    }

    private HttpRequest.Builder request(String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return request;
    }

    private HttpResponse<String> send(HttpRequest request) {
        return PageClient.send(http, request);
    }
}
