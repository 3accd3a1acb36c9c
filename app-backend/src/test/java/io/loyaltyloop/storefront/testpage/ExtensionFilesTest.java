package io.loyaltyloop.storefront.testpage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The theme app extension's files: complete translations, a small widget, schemas Shopify reads. */
class ExtensionFilesTest {

    static final Path EXTENSION = Path.of("..", "plugin", "shopify", "extensions", "loyalty-loop");
    static final int BUDGET_BYTES = 20 * 1024;
    private static final Pattern T_KEY = Pattern.compile("'(loyalty\\.[a-z_.]+)'\\s*\\|\\s*t\\b");
    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void everyLocaleHasEveryKeyOfEnglishAndNoOther() throws IOException {
        Set<String> english = keys(EXTENSION.resolve("locales/en.default.json"));
        for (String locale : List.of("de", "fr", "es")) {
            assertThat(keys(EXTENSION.resolve("locales/" + locale + ".json")))
                    .as(locale)
                    .isEqualTo(english);
        }
    }

    @Test
    void everyTextTheBlocksTranslateIsInTheLocales() throws IOException {
        Set<String> english = keys(EXTENSION.resolve("locales/en.default.json"));
        Set<String> used = new TreeSet<>();
        try (Stream<Path> blocks = Files.list(EXTENSION.resolve("blocks"))) {
            for (Path block : blocks.toList()) {
                Matcher key = T_KEY.matcher(Files.readString(block));
                while (key.find()) {
                    used.add(key.group(1));
                }
            }
        }
        assertThat(used).isNotEmpty();
        assertThat(english).containsAll(used);
    }

    @Test
    void theWidgetsScriptsAndStylesStayUnderTwentyKilobytesGzipped() throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        try (Stream<Path> assets = Files.list(EXTENSION.resolve("assets"))) {
            for (Path asset : assets.sorted().toList()) {
                all.write(Files.readAllBytes(asset));
            }
        }
        ByteArrayOutputStream zipped = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(zipped) {
            {
                def.setLevel(Deflater.BEST_COMPRESSION);
            }
        }) {
            gzip.write(all.toByteArray());
        }
        assertThat(zipped.size()).isLessThan(BUDGET_BYTES);
    }

    @Test
    void theEmbedTargetsTheBodyAndTheBlocksTargetSections() throws IOException {
        assertThat(schema("loyalty-embed").get("target").asString()).isEqualTo("body");
        assertThat(schema("product-rating").get("target").asString()).isEqualTo("section");
        assertThat(schema("points-hint").get("target").asString()).isEqualTo("section");
        assertThat(schema("loyalty-embed")
                        .get("settings")
                        .valueStream()
                        .map(s -> s.get("id").asString()))
                .containsExactly("accent", "position", "launcher_text");
    }

    private JsonNode schema(String block) throws IOException {
        String source = Files.readString(EXTENSION.resolve("blocks/" + block + ".liquid"));
        Matcher schema = Pattern.compile("\\{% schema %}(.*?)\\{% endschema %}", Pattern.DOTALL)
                .matcher(source);
        assertThat(schema.find()).as(block + " has a schema").isTrue();
        return json.readTree(schema.group(1));
    }

    private Set<String> keys(Path locale) throws IOException {
        Set<String> keys = new TreeSet<>();
        collect("", json.readTree(Files.readString(locale)), keys);
        return keys;
    }

    private static void collect(String prefix, JsonNode node, Set<String> into) {
        if (node.isObject()) {
            node.properties().forEach(e -> collect(prefix + e.getKey() + ".", e.getValue(), into));
        } else {
            assertThat(node.asString()).as(prefix).isNotBlank();
            into.add(prefix.substring(0, prefix.length() - 1));
        }
    }
}
