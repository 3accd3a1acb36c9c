package io.loyaltyloop.storefront.testpage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The theme app extension's files as the build copied them onto the classpath (under
 * {@value #ROOT}): the very blocks, locales and assets Shopify is given, not copies of them.
 */
final class ExtensionFiles {

    static final String ROOT = "shopify-extension/";

    /** The assets a page may load; anything else under the extension is not served. */
    static final Set<String> ASSETS = Set.of("loyalty-widget.js", "loyalty-blocks.js", "loyalty-widget.css");

    static final Set<String> LOCALES = Set.of("en.default", "de", "fr", "es");

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]*");

    private final Map<String, byte[]> cache = new ConcurrentHashMap<>();

    String block(String name) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a block name: " + name);
        }
        return text("blocks/" + name + ".liquid");
    }

    String locale(String name) {
        if (!LOCALES.contains(name)) {
            throw new IllegalArgumentException("not a locale: " + name);
        }
        return text("locales/" + name + ".json");
    }

    Optional<byte[]> asset(String name) {
        return ASSETS.contains(name) ? Optional.of(bytes("assets/" + name)) : Optional.empty();
    }

    private String text(String path) {
        return new String(bytes(path), StandardCharsets.UTF_8);
    }

    private byte[] bytes(String path) {
        return cache.computeIfAbsent(path, p -> {
            try (InputStream in = ExtensionFiles.class.getClassLoader().getResourceAsStream(ROOT + p)) {
                if (in == null) {
                    throw new IllegalStateException(
                            ROOT + p + " is not on the classpath; the build copies the extension");
                }
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
