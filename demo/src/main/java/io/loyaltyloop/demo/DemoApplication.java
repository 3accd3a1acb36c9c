package io.loyaltyloop.demo;

import java.nio.file.Path;
import java.util.Map;

/**
 * {@code mvn -B -pl demo -am spring-boot:run [-Dspring-boot.run.arguments="--no-simulator --seed=7"]}:
 * the demo, from the repository root. See {@link DemoOptions} for the arguments.
 */
public final class DemoApplication {

    static final Path DATA_DIRECTORY = Path.of("data", "demo-postgres");

    private DemoApplication() {}

    public static void main(String[] args) throws Exception {
        DemoOptions options;
        try {
            options = DemoOptions.parse(args);
        } catch (DemoOptions.InvalidDemoOptionException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        Demo demo;
        try {
            demo = Demo.start(options, DATA_DIRECTORY.toAbsolutePath(), Map.of(), DemoApplication::say);
        } catch (Exception e) {
            // The store and the mailbox run on threads of their own: exit rather than hang.
            System.err.println("The demo did not start: " + e.getMessage());
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(demo::close, "demo-shutdown"));
        say(demo.urls());
    }

    private static void say(String line) {
        System.out.println(line);
        System.out.flush();
    }
}
