package io.loyaltyloop.shopify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The subpackages of {@code io.loyaltyloop.shopify} depend on each other without cycles. Reads the
 * compiled classes' constant pools (every class, descriptor and signature a class uses is named
 * there), so Javadoc-only imports do not count and no extra library is needed.
 */
class SubpackageCycleTest {

    private static final Pattern SUBPACKAGE = Pattern.compile("io/loyaltyloop/shopify/(\\w+)/");

    @Test
    void subpackagesDependOnEachOtherWithoutCycles() throws Exception {
        Map<String, Set<String>> uses = dependencies();

        assertThat(uses).containsKeys("webhook", "auth", "admin", "mapping", "importing", "sync");
        for (String start : uses.keySet()) {
            assertThat(pathBack(start, start, uses, new TreeSet<>(), new ArrayList<>()))
                    .as("a cycle through %s in %s", start, uses)
                    .isEmpty();
        }
    }

    /** A path from {@code from} back to {@code target}, or empty. */
    private static List<String> pathBack(
            String target, String from, Map<String, Set<String>> uses, Set<String> seen, List<String> path) {
        for (String next : uses.getOrDefault(from, Set.of())) {
            List<String> here = new ArrayList<>(path);
            here.add(from);
            if (next.equals(target)) {
                here.add(next);
                return here;
            }
            if (seen.add(next)) {
                List<String> found = pathBack(target, next, uses, seen, here);
                if (!found.isEmpty()) {
                    return found;
                }
            }
        }
        return List.of();
    }

    private static Map<String, Set<String>> dependencies() throws IOException, URISyntaxException {
        Path classes = Path.of(ShopifyProperties.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
        Path root = classes.resolve("io/loyaltyloop/shopify");
        Map<String, Set<String>> uses = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                Path relative = root.relativize(file);
                if (relative.getNameCount() < 2) {
                    continue; // the shared root package may be used by all
                }
                String own = relative.getName(0).toString();
                Set<String> used = uses.computeIfAbsent(own, k -> new TreeSet<>());
                try (InputStream in = Files.newInputStream(file)) {
                    for (String name : constantStrings(in)) {
                        Matcher m = SUBPACKAGE.matcher(name);
                        while (m.find()) {
                            if (!m.group(1).equals(own)) {
                                used.add(m.group(1));
                            }
                        }
                    }
                }
            }
        }
        return uses;
    }

    /** The UTF-8 entries of a class file's constant pool (JVMS §4.4). */
    private static List<String> constantStrings(InputStream stream) throws IOException {
        DataInputStream in = new DataInputStream(stream);
        in.readInt(); // magic
        in.readUnsignedShort(); // minor
        in.readUnsignedShort(); // major
        int count = in.readUnsignedShort();
        List<String> strings = new ArrayList<>();
        for (int i = 1; i < count; i++) {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case 1 -> strings.add(in.readUTF());
                case 7, 8, 16, 19, 20 -> in.skipNBytes(2);
                case 15 -> in.skipNBytes(3);
                case 3, 4, 9, 10, 11, 12, 17, 18 -> in.skipNBytes(4);
                case 5, 6 -> {
                    in.skipNBytes(8);
                    i++; // takes two entries
                }
                default -> throw new IOException("unknown constant pool tag " + tag);
            }
        }
        return strings;
    }
}
