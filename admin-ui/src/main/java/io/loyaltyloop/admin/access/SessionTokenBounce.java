package io.loyaltyloop.admin.access;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Shopify's session token bounce: an embedded document load without a valid {@code id_token} (a
 * reload of a URL App Bridge's history put in the iframe) is sent to a page that only loads App
 * Bridge; App Bridge sees {@code shopify-reload} in that page's URL and loads the target again with a
 * fresh {@code id_token}. Because App Bridge hands a fresh token to whatever URL {@code
 * shopify-reload} names, the target must be one of our own {@code /admin} pages — anything else
 * would be an open redirect that leaks session tokens.
 */
final class SessionTokenBounce {

    /** The bounce page; it must never bounce itself. */
    static final String PATH = "/admin/session-token";

    static final String RELOAD = "shopify-reload";

    /** Shopify's shop domain rule, anchored (an unanchored one is a known app-review finding). */
    private static final Pattern SHOP = Pattern.compile("^[a-zA-Z0-9][a-zA-Z0-9-]*\\.myshopify\\.com$");

    private static final Pattern HOST = Pattern.compile("^[A-Za-z0-9+/_-]{4,400}={0,2}$");
    private static final Pattern HOST_DECODED = Pattern.compile(
            "^(admin\\.shopify\\.com/store/[a-zA-Z0-9][a-zA-Z0-9-]*|[a-zA-Z0-9][a-zA-Z0-9-]*\\.myshopify\\.com/admin)$");

    /** Path tricks a browser or a proxy might resolve to another path or origin. */
    private static final Pattern UNSAFE_PATH =
            Pattern.compile("(//|\\\\|\\.\\.|%2e|%2f|%5c|%00|[\\s@])", Pattern.CASE_INSENSITIVE);

    private SessionTokenBounce() {}

    /** A GET without bearer token that says it is an embedded load, with a shop and host that look like Shopify's. */
    static boolean applies(HttpServletRequest request) {
        return "GET".equals(request.getMethod())
                && !EmbeddedSessionFilter.hasBearer(request)
                && !PATH.equals(request.getRequestURI())
                && "1".equals(request.getParameter("embedded"))
                && isShop(request.getParameter("shop"))
                && isHost(request.getParameter("host"));
    }

    /** Where to send the request: the bounce page, with this request (without its stale token) to reload. */
    static String location(HttpServletRequest request, String appUrl) {
        String query = request.getQueryString() == null ? "" : request.getQueryString();
        String kept = Arrays.stream(query.split("&"))
                .filter(part -> !part.isEmpty())
                .filter(part ->
                        !nameOf(part).equals("id_token") && !nameOf(part).equals(RELOAD))
                .collect(Collectors.joining("&"));
        String reload = appUrl + request.getRequestURI() + (kept.isEmpty() ? "" : "?" + kept);
        return PATH + "?embedded=1&shop=" + encode(request.getParameter("shop")) + "&host="
                + encode(request.getParameter("host")) + "&" + RELOAD + "=" + encode(reload);
    }

    /** Whether App Bridge may take a fresh session token to {@code target}: one of our admin pages, on our origin. */
    static boolean isSafeTarget(String target, String appUrl) {
        if (target == null || appUrl == null || !target.startsWith(appUrl + "/admin")) {
            return false;
        }
        try {
            URI uri = new URI(target);
            URI app = new URI(appUrl);
            String path = uri.getRawPath();
            return uri.getRawUserInfo() == null
                    && uri.getRawFragment() == null
                    && app.getScheme().equalsIgnoreCase(uri.getScheme())
                    && app.getHost().equalsIgnoreCase(uri.getHost())
                    && app.getPort() == uri.getPort()
                    && path != null
                    && (path.equals("/admin") || path.startsWith("/admin/"))
                    && !path.equals(PATH)
                    && !UNSAFE_PATH.matcher(path).find();
        } catch (URISyntaxException | NullPointerException e) {
            return false;
        }
    }

    static boolean isShop(String shop) {
        return shop != null && shop.length() <= 255 && SHOP.matcher(shop).matches();
    }

    /** {@code host} is base64 of the admin's host, e.g. {@code admin.shopify.com/store/x}. */
    static boolean isHost(String host) {
        if (host == null || !HOST.matcher(host).matches()) {
            return false;
        }
        try {
            String base64url = host.replace('+', '-').replace('/', '_').replace("=", "");
            String decoded = new String(Base64.getUrlDecoder().decode(base64url), StandardCharsets.UTF_8);
            return HOST_DECODED.matcher(decoded).matches();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    static String shopOf(HttpServletRequest request) {
        return request.getParameter("shop").toLowerCase(Locale.ROOT);
    }

    private static String nameOf(String part) {
        int equals = part.indexOf('=');
        String raw = equals < 0 ? part : part.substring(0, equals);
        try {
            return URLDecoder.decode(raw, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return raw;
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
