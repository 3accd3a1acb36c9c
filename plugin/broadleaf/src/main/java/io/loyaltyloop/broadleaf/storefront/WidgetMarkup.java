package io.loyaltyloop.broadleaf.storefront;

import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.codehaus.jackson.JsonNode;
import org.codehaus.jackson.map.ObjectMapper;
import org.codehaus.jackson.node.ObjectNode;

/**
 * The same markup as the Shopify app embed ({@code blocks/loyalty-embed.liquid}): the style sheet,
 * the {@code ll-root} element the widget script looks for, the texts as {@code application/json}
 * (data, not script, so a strict Content-Security-Policy allows them) and the deferred script. The
 * widget talks to {@code <context>/loyalty-loop/api} instead of Shopify's app proxy.
 */
public final class WidgetMarkup {

    private static final Pattern COLOR = Pattern.compile("^#[0-9A-Fa-f]{3,8}$");
    private static final ObjectMapper JSON = new ObjectMapper();

    private String contextPath = "";
    private Long customerId;
    private Locale locale = Locale.ENGLISH;
    private String position = "right";
    private String accent = "#1f6feb";
    private String launcher;
    private String loginUrl = "/login";

    /** The site's servlet context path ("" at the root). */
    public WidgetMarkup contextPath(String contextPath) {
        this.contextPath = contextPath == null ? "" : contextPath;
        return this;
    }

    /** The signed-in customer, null for a guest (the widget then invites to sign in). */
    public WidgetMarkup customerId(Long customerId) {
        this.customerId = customerId;
        return this;
    }

    public WidgetMarkup locale(Locale locale) {
        this.locale = locale == null ? Locale.ENGLISH : locale;
        return this;
    }

    /** {@code left} or {@code right} (anything else: right). */
    public WidgetMarkup position(String position) {
        this.position = "left".equals(position) ? "left" : "right";
        return this;
    }

    /** A CSS hex colour; anything else keeps the default. */
    public WidgetMarkup accent(String accent) {
        if (accent != null && COLOR.matcher(accent).matches()) {
            this.accent = accent;
        }
        return this;
    }

    /** The launcher's text; empty for the translated "Rewards". */
    public WidgetMarkup launcher(String launcher) {
        this.launcher = launcher == null || launcher.trim().isEmpty() ? null : launcher.trim();
        return this;
    }

    public WidgetMarkup loginUrl(String loginUrl) {
        if (loginUrl != null && loginUrl.startsWith("/") && !loginUrl.startsWith("//")) {
            this.loginUrl = loginUrl;
        }
        return this;
    }

    public String html() {
        String base = contextPath + "/loyalty-loop";
        StringBuilder html = new StringBuilder();
        html.append("<link rel=\"stylesheet\" href=\"").append(attr(base)).append("/assets/loyalty-widget.css\">\n");
        html.append("<div class=\"ll-root\" data-loyalty-loop data-proxy=\"")
                .append(attr(base))
                .append("/api\" data-texts=\"loyalty-loop-texts\" data-login-url=\"")
                .append(attr(contextPath + loginUrl))
                .append("\" data-position=\"")
                .append(position)
                .append("\" data-accent=\"")
                .append(attr(accent))
                .append('"');
        if (customerId != null) {
            html.append(" data-customer=\"").append(customerId).append('"');
        }
        html.append("></div>\n");
        html.append("<script type=\"application/json\" id=\"loyalty-loop-texts\">")
                .append(scriptSafe(texts()))
                .append("</script>\n");
        html.append("<script src=\"").append(attr(base)).append("/assets/loyalty-widget.js\" defer></script>\n");
        return html.toString();
    }

    private String texts() {
        ObjectNode texts = JSON.createObjectNode();
        Iterator<Map.Entry<String, JsonNode>> fields =
                WidgetTexts.forLocale(locale).getFields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            texts.put(field.getKey(), field.getValue());
        }
        if (launcher != null) {
            texts.put("launcher", launcher);
        }
        return texts.toString();
    }

    /** JSON inside a script element must not contain "</script" or "<!--". */
    private static String scriptSafe(String json) {
        return json.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
    }

    private static String attr(String value) {
        return value.replace("&", "&amp;")
                .replace("\"", "&quot;")
                .replace("'", "&#39;")
                .replace("<", "&lt;")
                .replace(">", "&gt;");
    }
}
