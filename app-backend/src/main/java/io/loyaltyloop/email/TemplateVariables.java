package io.loyaltyloop.email;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.web.util.HtmlUtils;

/**
 * Turns the caller's variables into what a template sees: plain maps, lists, numbers, booleans and
 * text. For the HTML part every text value is HTML-escaped here, before rendering — liqp does not
 * escape output — so a customer name like {@code <script>} shows as text whatever the template
 * does. Values of keys named {@code url} or ending in {@code _url} must be http(s) links, otherwise
 * they become empty (no {@code javascript:} links from a carrier's tracking URL). Times become
 * ISO-8601 text in UTC, which {@code date_local} formats.
 */
final class TemplateVariables {

    /** Deeper values are dropped: variables are a few levels of order, items, tracking. */
    private static final int MAX_DEPTH = 8;

    private TemplateVariables() {}

    static Map<String, Object> prepare(Map<String, ?> variables, boolean html) {
        return map(variables, html, 0);
    }

    private static Map<String, Object> map(Map<?, ?> source, boolean html, int depth) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (source == null || depth > MAX_DEPTH) {
            return out;
        }
        source.forEach((key, value) -> {
            if (key != null) {
                String name = key.toString();
                Object prepared = value(name, value, html, depth + 1);
                if (prepared != null) {
                    out.put(name, prepared);
                }
            }
        });
        return out;
    }

    private static Object value(String key, Object value, boolean html, int depth) {
        return switch (value) {
            case null -> null;
            case Map<?, ?> m -> map(m, html, depth);
            case Collection<?> c -> list(key, c, html, depth);
            case Object[] a -> list(key, List.of(a), html, depth);
            case Number n -> n;
            case Boolean b -> b;
            case Instant i -> i.atOffset(ZoneOffset.UTC).toString();
            case OffsetDateTime t -> t.toInstant().atOffset(ZoneOffset.UTC).toString();
            case ZonedDateTime t -> t.toInstant().atOffset(ZoneOffset.UTC).toString();
            case TemporalAccessor t -> text(key, t.toString(), html);
            case Enum<?> e -> e.name();
            default -> text(key, value.toString(), html);
        };
    }

    private static List<Object> list(String key, Collection<?> values, boolean html, int depth) {
        List<Object> out = new ArrayList<>(values.size());
        if (depth > MAX_DEPTH) {
            return out;
        }
        for (Object v : values) {
            Object prepared = value(key, v, html, depth + 1);
            if (prepared != null) {
                out.add(prepared);
            }
        }
        return out;
    }

    private static String text(String key, String value, boolean html) {
        String checked = isUrl(key) && !isWebLink(value) ? "" : value;
        return html ? HtmlUtils.htmlEscape(checked, "UTF-8") : checked;
    }

    private static boolean isUrl(String key) {
        return key.equals("url") || key.endsWith("_url");
    }

    static boolean isWebLink(String value) {
        String v = value.strip().toLowerCase(Locale.ROOT);
        return v.startsWith("https://") || v.startsWith("http://");
    }
}
