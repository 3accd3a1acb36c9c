package io.loyaltyloop.storefront.testpage;

import io.loyaltyloop.shopify.ShopifyProperties;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Stands in for Shopify's app proxy on the storefront test page: {@code /apps/loyalty/<path>} is
 * signed as Shopify signs it (the shop and customer from the test page's cookies) and forwarded to
 * this backend's {@code /proxy/<path>} over HTTP, so {@code AppProxySignature} checks it for real.
 * Only plain path segments are forwarded, so nothing outside {@code /proxy/} can be reached.
 */
@RestController
class FakeAppProxy {

    static final String PREFIX = "/apps/loyalty";
    private static final Pattern PATH = Pattern.compile("(/[A-Za-z0-9_-]{1,64}){1,6}");
    /** Shopify sets these itself; a visitor's own values are dropped, as Shopify does. */
    private static final Set<String> SHOPIFY_KEYS =
            Set.of("shop", "logged_in_customer_id", "path_prefix", "timestamp", "signature", "hmac");

    private final StorefrontTestPageProperties properties;
    private final ShopifyProperties shopify;
    private final Clock clock;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    FakeAppProxy(StorefrontTestPageProperties properties, ShopifyProperties shopify, Clock clock) {
        this.properties = properties;
        this.shopify = shopify;
        this.clock = clock;
    }

    @RequestMapping(
            path = PREFIX + "/**",
            method = {RequestMethod.GET, RequestMethod.POST})
    ResponseEntity<byte[]> forward(HttpServletRequest request) throws IOException, InterruptedException {
        if (!properties.enabled() || shopify.webhookSecrets().isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        String shop = cookie(request, StorefrontTestPageController.SHOP_COOKIE);
        if (shop.isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "open the storefront test page first");
        }
        String path = proxiedPath(request.getRequestURI());
        Map<String, String> params = visitorParameters(request.getQueryString());
        params.put("shop", shop);
        params.put("logged_in_customer_id", cookie(request, StorefrontTestPageController.CUSTOMER_COOKIE));
        params.put("path_prefix", PREFIX);
        params.put("timestamp", Long.toString(clock.instant().getEpochSecond()));
        String query = ProxySigner.signedQuery(params, shopify.webhookSecrets().getFirst());
        URI target = URI.create("http://127.0.0.1:" + request.getLocalPort() + "/proxy" + path + "?" + query);
        HttpRequest.Builder forwarded = HttpRequest.newBuilder(target)
                .timeout(Duration.ofSeconds(30))
                .header(HttpHeaders.ACCEPT, "application/json");
        if ("POST".equals(request.getMethod())) {
            if (request.getContentType() != null) {
                forwarded.header(HttpHeaders.CONTENT_TYPE, request.getContentType());
            }
            forwarded.POST(HttpRequest.BodyPublishers.ofByteArray(
                    request.getInputStream().readAllBytes()));
        } else {
            forwarded.GET();
        }
        HttpResponse<byte[]> answer = http.send(forwarded.build(), HttpResponse.BodyHandlers.ofByteArray());
        ResponseEntity.BodyBuilder response = ResponseEntity.status(answer.statusCode());
        answer.headers()
                .firstValue(HttpHeaders.CONTENT_TYPE)
                .ifPresent(type -> response.header(HttpHeaders.CONTENT_TYPE, type));
        return response.header(HttpHeaders.CACHE_CONTROL, "private, no-store").body(answer.body());
    }

    /** The part after the prefix, if it is plain segments; anything else is not proxied. */
    static String proxiedPath(String requestUri) {
        String path = requestUri.substring(PREFIX.length());
        if (!PATH.matcher(path).matches()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return path;
    }

    private static Map<String, String> visitorParameters(String rawQuery) {
        Map<String, String> params = new LinkedHashMap<>();
        if (rawQuery == null) {
            return params;
        }
        Arrays.stream(rawQuery.split("&")).filter(pair -> !pair.isEmpty()).forEach(pair -> {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            if (!SHOPIFY_KEYS.contains(key)) {
                params.merge(key, value, (first, next) -> first + "," + next);
            }
        });
        return params;
    }

    private static String cookie(HttpServletRequest request, String name) {
        Cookie[] cookies = request.getCookies();
        return cookies == null
                ? ""
                : Arrays.stream(cookies)
                        .filter(c -> name.equals(c.getName()))
                        .map(Cookie::getValue)
                        .findFirst()
                        .orElse("");
    }
}
