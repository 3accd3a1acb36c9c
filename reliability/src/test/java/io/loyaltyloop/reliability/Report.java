package io.loyaltyloop.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** The figures of each scenario, printed and appended to {@code target/reliability-report.txt}. */
final class Report {

    private static final Path FILE = Path.of("target", "reliability-report.txt");

    private Report() {}

    static synchronized void line(String scenario, String format, Object... arguments) {
        String line = scenario + ": " + format.formatted(arguments);
        System.out.println(line);
        try {
            Files.createDirectories(FILE.getParent());
            Files.writeString(
                    FILE, line + System.lineSeparator(), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
