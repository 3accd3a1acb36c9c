import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Runs palantir-java-format over every Java source of the project. Arguments: {@code check} or
 * {@code apply}, then the project root. Generated code (anything under target/) is skipped.
 */
public class Format {

    public static void main(String[] args) throws IOException {
        boolean apply = args[0].equals("apply");
        Path root = Path.of(args[1]).toRealPath();
        List<String> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(root)) {
            walk.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> !isSkipped(root.relativize(p)))
                    .forEach(p -> files.add(p.toString()));
        }
        List<String> formatterArgs = new ArrayList<>(List.of("--palantir"));
        formatterArgs.addAll(apply ? List.of("--replace") : List.of("--dry-run", "--set-exit-if-changed"));
        formatterArgs.addAll(files);
        System.out.printf("[format] %s %d Java files%n", apply ? "formatting" : "checking", files.size());
        if (!apply) {
            System.out.println(
                    "[format] files listed below need formatting: mvn -pl tools/format validate -Dformat=apply");
        }
        com.palantir.javaformat.java.Main.main(formatterArgs.toArray(String[]::new));
    }

    private static boolean isSkipped(Path relative) {
        for (Path part : relative) {
            String name = part.toString();
            if (name.equals("target") || name.startsWith(".") || name.equals("node_modules")) {
                return true;
            }
        }
        return false;
    }
}
