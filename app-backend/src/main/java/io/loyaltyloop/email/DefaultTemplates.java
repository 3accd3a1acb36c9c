package io.loyaltyloop.email;

import io.loyaltyloop.journey.StepKind;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * The templates shipped in {@code resources/email/templates}: per kind {@code <kind>.subject.liquid},
 * {@code <kind>.html.liquid} and {@code <kind>.txt.liquid}, plus the HTML layout every HTML body is
 * placed in. Read once.
 */
final class DefaultTemplates {

    private static final String FOLDER = "email/templates/";

    private final Map<StepKind, TemplateParts> byKind = new EnumMap<>(StepKind.class);
    private final String layout;

    DefaultTemplates() {
        for (StepKind kind : StepKind.values()) {
            String base = kind.name().toLowerCase(Locale.ROOT);
            byKind.put(
                    kind,
                    new TemplateParts(
                            read(base + ".subject.liquid").strip(),
                            read(base + ".html.liquid"),
                            read(base + ".txt.liquid")));
        }
        layout = read("layout.html.liquid");
    }

    TemplateParts forKind(StepKind kind) {
        return byKind.get(kind);
    }

    String layout() {
        return layout;
    }

    private static String read(String name) {
        try (InputStream in = DefaultTemplates.class.getClassLoader().getResourceAsStream(FOLDER + name)) {
            if (in == null) {
                throw new IllegalStateException("missing email template " + FOLDER + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
