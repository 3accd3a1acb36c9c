package io.loyaltyloop.broadleaf.web;

import io.loyaltyloop.broadleaf.LoyaltyLoopSettings;
import io.loyaltyloop.broadleaf.storefront.SignedInCustomer;
import io.loyaltyloop.broadleaf.wire.BackendAnswer;
import io.loyaltyloop.broadleaf.wire.BackendClient;
import java.io.IOException;
import java.util.regex.Pattern;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * {@code /loyalty-loop/api/**} → backend {@code /broadleaf/v1/storefront/**}: the part Shopify's app
 * proxy plays. The widget calls the site; the site adds the signed-in customer's id from Broadleaf's
 * {@code CustomerState} (never from the browser: a {@code customer} parameter it sends is dropped),
 * signs the call and passes the backend's answer through unchanged.
 *
 * <p>Only the contract's four routes pass. A POST must carry {@code X-Requested-With: loyalty-loop}
 * (the widget always sends it; a cross-site form cannot), else 403.
 */
final class StorefrontProxy {

    static final String PREFIX = "/loyalty-loop/api";
    static final int MAX_BODY = 16 * 1024;

    private static final Log LOG = LogFactory.getLog(StorefrontProxy.class);
    private static final Pattern GET_ROUTES = Pattern.compile("^/customer$|^/products/[A-Za-z0-9_-]{1,64}/reviews$");
    private static final Pattern POST_ROUTES = Pattern.compile("^/rewards/[A-Za-z0-9_-]{1,64}/redeem$|^/estimate$");
    private static final Pattern CUSTOMER_PARAM = Pattern.compile("^customer(=.*)?$", Pattern.CASE_INSENSITIVE);

    private final BackendClient client;
    private final LoyaltyLoopSettings settings;

    StorefrontProxy(BackendClient client, LoyaltyLoopSettings settings) {
        this.client = client;
        this.settings = settings;
    }

    void handle(HttpServletRequest request, HttpServletResponse response, String path) throws IOException {
        String route = path.substring(PREFIX.length());
        String method = request.getMethod();
        boolean get = "GET".equals(method) && GET_ROUTES.matcher(route).matches();
        boolean post = "POST".equals(method) && POST_ROUTES.matcher(route).matches();
        if (!get && !post) {
            HttpExchange.problem(response, 404, "not-found", null);
            return;
        }
        if (post && !"loyalty-loop".equals(request.getHeader("X-Requested-With"))) {
            HttpExchange.problem(response, 403, "forbidden", "X-Requested-With: loyalty-loop is required");
            return;
        }
        byte[] body = post ? HttpExchange.body(request, MAX_BODY) : new byte[0];
        if (body == null) {
            HttpExchange.problem(response, 413, "too-large", null);
            return;
        }
        String contentType = request.getContentType() == null ? "application/json" : request.getContentType();
        String target =
                "/broadleaf/v1/storefront" + route + query(request.getQueryString(), SignedInCustomer.id(request));
        BackendAnswer answer;
        try {
            answer = client.send(method, target, contentType, body, settings.getStorefrontTimeoutMillis());
        } catch (IOException e) {
            LOG.warn("Loyalty Loop: storefront call " + method + " " + route + " failed: " + e);
            HttpExchange.problem(response, 502, "backend-unavailable", null);
            return;
        }
        response.setStatus(answer.status());
        response.setContentType(answer.contentType() == null ? "application/json" : answer.contentType());
        // Per-customer answers: never cached by the browser or a CDN in front of the site.
        response.setHeader("Cache-Control", "private, no-store");
        response.setContentLength(answer.body().length);
        response.getOutputStream().write(answer.body());
    }

    /** The browser's raw query without any {@code customer} parameter, plus the site's own. */
    static String query(String rawQuery, Long customerId) {
        StringBuilder query = new StringBuilder();
        if (customerId != null) {
            query.append("customer=").append(customerId);
        }
        if (rawQuery != null) {
            for (String pair : rawQuery.split("&")) {
                if (!pair.isEmpty() && !CUSTOMER_PARAM.matcher(pair).matches()) {
                    query.append(query.length() == 0 ? "" : "&").append(pair);
                }
            }
        }
        return query.length() == 0 ? "" : "?" + query;
    }
}
