package io.loyaltyloop.broadleaf.storefront;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.codehaus.jackson.JsonNode;
import org.codehaus.jackson.map.ObjectMapper;

/**
 * The widget's texts in the shopper's language, from the Shopify theme extension's own locale files
 * (copied into the jar at build time): {@code loyalty.widget.*} of {@code <language>.json}, English
 * ({@code en.default.json}) when the language has no file.
 */
final class WidgetTexts {

    static final String CLASSPATH = "/io/loyaltyloop/broadleaf/storefront/locales/";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ConcurrentMap<String, JsonNode> CACHE = new ConcurrentHashMap<String, JsonNode>();

    private WidgetTexts() {}

    /** The {@code loyalty.widget} object for {@code locale}. */
    static JsonNode forLocale(Locale locale) {
        String language = locale == null ? "en" : locale.getLanguage().toLowerCase(Locale.ROOT);
        JsonNode texts = CACHE.get(language);
        if (texts == null) {
            JsonNode file = load(language + ".json");
            if (file == null) {
                file = load("en.default.json");
            }
            texts = file == null
                    ? JSON.createObjectNode()
                    : file.path("loyalty").path("widget");
            CACHE.putIfAbsent(language, texts);
        }
        return texts;
    }

    private static JsonNode load(String name) {
        if (!name.matches("^[a-z]{2,3}(\\.default)?\\.json$")) {
            return null;
        }
        InputStream in = WidgetTexts.class.getResourceAsStream(CLASSPATH + name);
        if (in == null) {
            return null;
        }
        try {
            try {
                return JSON.readTree(in);
            } finally {
                in.close();
            }
        } catch (IOException e) {
            throw new IllegalStateException("unreadable widget texts " + name, e);
        }
    }
}
