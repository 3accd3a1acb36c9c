package io.loyaltyloop.storefront.testpage;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import liqp.Template;
import liqp.TemplateContext;
import liqp.TemplateParser;
import liqp.filters.Filter;
import liqp.parser.Flavor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Renders the extension's Liquid blocks as Shopify would, within what the blocks use: the
 * {@code {% schema %}} is cut out and its setting defaults become {@code block.settings}; {@code t}
 * reads the extension's locales (falling back to English, as Shopify does); {@code json} and
 * {@code asset_url} behave like Shopify's filters.
 */
final class LiquidBlocks {

    private static final Pattern SCHEMA =
            Pattern.compile("\\{%-?\\s*schema\\s*-?%}(.*?)\\{%-?\\s*endschema\\s*-?%}", Pattern.DOTALL);
    private static final String TEXTS = "__loyalty_texts";
    private static final String FALLBACK = "en.default";

    private final ExtensionFiles files;
    private final JsonMapper json = JsonMapper.builder().build();
    private final TemplateParser parser;

    LiquidBlocks(ExtensionFiles files, String assetBase) {
        this.files = files;
        this.parser = new TemplateParser.Builder()
                .withFlavor(Flavor.LIQUID)
                .withStrictVariables(false)
                .withFilter(new Translate())
                .withFilter(new Json(json))
                .withFilter(new AssetUrl(assetBase))
                .build();
    }

    /**
     * The block's HTML, given the Shopify objects it reads ({@code shop}, {@code customer}, ...) and
     * the settings a merchant changed from the schema's defaults.
     */
    String render(
            String blockName,
            String blockId,
            String locale,
            Map<String, Object> objects,
            Map<String, Object> merchantSettings) {
        String source = files.block(blockName);
        Matcher schema = SCHEMA.matcher(source);
        Map<String, Object> settings = new LinkedHashMap<>();
        if (schema.find()) {
            for (JsonNode setting : json.readTree(schema.group(1)).path("settings")) {
                if (setting.has("default")) {
                    settings.put(
                            setting.get("id").asString(), setting.get("default").asString());
                }
            }
        }
        settings.putAll(merchantSettings);
        Map<String, Object> variables = new HashMap<>(objects);
        variables.put("block", Map.of("id", blockId, "settings", settings));
        variables.put(TEXTS, texts(locale));
        Template template = parser.parse(schema.replaceAll(""));
        return template.render(variables);
    }

    private Map<String, Object> texts(String locale) {
        Map<String, Object> texts = new HashMap<>();
        flatten("", json.readTree(files.locale(FALLBACK)), texts);
        if (!FALLBACK.equals(locale)) {
            flatten("", json.readTree(files.locale(locale)), texts);
        }
        return texts;
    }

    private static void flatten(String prefix, JsonNode node, Map<String, Object> into) {
        if (node.isObject()) {
            node.properties().forEach(e -> flatten(prefix + e.getKey() + ".", e.getValue(), into));
        } else {
            into.put(prefix.substring(0, prefix.length() - 1), node.asString());
        }
    }

    private static final class Translate extends Filter {

        Translate() {
            super("t");
        }

        @Override
        public Object apply(Object value, TemplateContext context, Object... params) {
            Object texts = context.get(TEXTS);
            String key = String.valueOf(value);
            Object text = texts instanceof Map<?, ?> map ? map.get(key) : null;
            // Shopify shows a visible "translation missing" rather than failing the page.
            return text == null ? "translation missing: " + key : text;
        }
    }

    private static final class Json extends Filter {

        private final JsonMapper json;

        Json(JsonMapper json) {
            super("json");
            this.json = json;
        }

        @Override
        public Object apply(Object value, TemplateContext context, Object... params) {
            // Like Shopify's json filter, and safe inside <script>: "<" never closes the element.
            return json.writeValueAsString(value).replace("<", "\\u003c");
        }
    }

    private static final class AssetUrl extends Filter {

        private final String base;

        AssetUrl(String base) {
            super("asset_url");
            this.base = base;
        }

        @Override
        public Object apply(Object value, TemplateContext context, Object... params) {
            return base + value;
        }
    }
}
