package io.loyaltyloop.broadleaf.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import javax.servlet.http.HttpServletResponse;

/**
 * The storefront widget's script and style sheet, served from the module's jar. They are the Shopify
 * theme extension's own files, copied into the jar at build time (one source for both platforms).
 */
final class WidgetAssets {

    static final String PREFIX = "/loyalty-loop/assets/";
    /** Where the build puts the Shopify extension's assets inside the jar. */
    static final String CLASSPATH = "/io/loyaltyloop/broadleaf/storefront/assets/";

    static final int MAX_ASSET = 1 << 20;

    private static final Map<String, String> TYPES = new HashMap<String, String>();

    static {
        TYPES.put("loyalty-widget.js", "text/javascript; charset=utf-8");
        TYPES.put("loyalty-widget.css", "text/css; charset=utf-8");
    }

    void handle(HttpServletResponse response, String name) throws IOException {
        String type = TYPES.get(name);
        byte[] bytes = type == null ? null : read(CLASSPATH + name);
        if (bytes == null) {
            HttpExchange.problem(response, 404, "not-found", null);
            return;
        }
        response.setStatus(200);
        response.setContentType(type);
        response.setHeader("Cache-Control", "public, max-age=3600");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }

    static byte[] read(String resource) throws IOException {
        InputStream in = WidgetAssets.class.getResourceAsStream(resource);
        return in == null ? null : HttpExchange.readAll(in, MAX_ASSET);
    }
}
