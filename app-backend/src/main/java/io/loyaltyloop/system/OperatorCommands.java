package io.loyaltyloop.system;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Runs the jar as an operator tool instead of a server: {@code java -jar loyalty-loop.jar ledger
 * verify}. The command runs in the same application, on the same database selection, without the web
 * server, the scheduler or migrations; the report goes to stdout and logs go to stderr.
 */
public final class OperatorCommands {

    /** The property that switches a command's bean on; its value is the command's id. */
    public static final String COMMAND_PROPERTY = "loyalty.operator.command";

    public static final int USAGE_ERROR = 2;
    public static final int FAILED = 3;

    private static final Map<List<String>, String> COMMANDS = Map.of(
            List.of("ledger", "verify"), "ledger-verify",
            List.of("admin", "create-account"), "admin-create-account",
            List.of("broadleaf", "register-site"), "broadleaf-register-site",
            List.of("broadleaf", "rotate-secret"), "broadleaf-rotate-secret");

    /** Command options that take a value, which may follow as the next argument ({@code --shop x}). */
    private static final Set<String> VALUE_OPTIONS = Set.of(
            "--shop", "--email", "--role", "--site-id", "--name", "--url", "--currency", "--timezone", "--owner-email");

    static final String USAGE = """
        Usage: java -jar loyalty-loop.jar [--property=value ...] [command]

        Without a command, runs the Loyalty Loop backend.

        Commands:
          ledger verify   checks every balance and order against the points ledger; prints each
                          mismatch, then "N accounts verified, M mismatches" as the last line
          admin create-account --shop <store> --email <email> --role OWNER|STAFF
                          creates a login for the standalone admin (/admin/login); <store> is the
                          myshopify.com domain or the Broadleaf site id. The password is read from
                          LOYALTY_ADMIN_PASSWORD or, when that is unset, from the first line of stdin;
                          never from an argument, which other users of the machine could see
          broadleaf register-site --site-id <id> --name <name> --url <https://site> --currency <ISO>
                          --timezone <zone> [--owner-email <email>]
                          registers a Broadleaf site and prints its shared secret once; with
                          --owner-email also creates that OWNER login (password as above)
          broadleaf rotate-secret --site-id <id>
                          prints a new shared secret once; the previous one stays valid for 24 h

        Commands use the same database as the backend (spring.datasource.*, DATABASE_URL, or the
        embedded PostgreSQL in loyalty.database.embedded.data-directory, running or not).

        Exit status: 0 done (ledger verify: books consistent), 1 ledger verify: mismatches found;
                     admin create-account: refused (unknown store, duplicate, weak password),
                     broadleaf register-site: refused (bad option, site already registered),
                     broadleaf rotate-secret: no such site,
                     2 usage error, 3 could not run (for example, the database is unreachable)\
        """;

    private OperatorCommands() {}

    /** A command's option given exactly once and not blank, trimmed; empty otherwise. */
    public static Optional<String> option(ApplicationArguments args, String name) {
        List<String> values = args.getOptionValues(name);
        return values == null || values.size() != 1 || values.getFirst().isBlank()
                ? Optional.empty()
                : Optional.of(values.getFirst().trim());
    }

    /** Whether the arguments name a command: anything that is not a {@code --property=value} option. */
    public static boolean isCommand(String[] args) {
        return Arrays.stream(args).anyMatch(arg -> !arg.startsWith("-"));
    }

    /** {@code --shop x} becomes {@code --shop=x}, the form Spring's argument parser reads. */
    private static String[] joinOptionValues(String[] args) {
        List<String> joined = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (VALUE_OPTIONS.contains(args[i]) && i + 1 < args.length && !args[i + 1].startsWith("-")) {
                joined.add(args[i] + "=" + args[++i]);
            } else {
                joined.add(args[i]);
            }
        }
        return joined.toArray(String[]::new);
    }

    /** Runs the command the arguments name and returns the process's exit status. */
    public static int run(Class<?> application, String... givenArgs) {
        if (Arrays.stream(givenArgs).anyMatch(arg -> arg.startsWith("--password"))) {
            System.err.println("A password is never an argument: set LOYALTY_ADMIN_PASSWORD or pipe it to stdin.");
            return USAGE_ERROR;
        }
        String[] args = joinOptionValues(givenArgs);
        List<String> words =
                Arrays.stream(args).filter(arg -> !arg.startsWith("-")).toList();
        if (words.equals(List.of("help"))) {
            System.out.println(USAGE);
            return 0;
        }
        String command = COMMANDS.get(words);
        if (command == null) {
            System.err.println("Unknown command: " + String.join(" ", words));
            System.err.println();
            System.err.println(USAGE);
            return USAGE_ERROR;
        }

        List<String> springArgs = new ArrayList<>(
                Arrays.stream(args).filter(arg -> arg.startsWith("-")).toList());
        // A command never serves HTTP, runs jobs or changes the schema.
        springArgs.addAll(List.of(
                "--" + COMMAND_PROPERTY + "=" + command,
                "--db-scheduler.enabled=false",
                "--loyalty.shopify.inbox.enabled=false",
                "--loyalty.broadleaf.inbox.enabled=false",
                "--spring.flyway.enabled=false"));

        SpringApplication app = new SpringApplication(application);
        app.setWebApplicationType(WebApplicationType.NONE);
        app.setBannerMode(Banner.Mode.OFF);
        app.setDefaultProperties(Map.of(
                "logging.config", "classpath:logback-operator.xml",
                "logging.level.root", "WARN",
                "spring.main.log-startup-info", "false"));
        try {
            ConfigurableApplicationContext context = app.run(springArgs.toArray(String[]::new));
            return SpringApplication.exit(context);
        } catch (RuntimeException e) {
            // Boot has already logged the cause to stderr.
            System.err.println(String.join(" ", words) + " could not run: " + e.getMessage());
            return FAILED;
        }
    }
}
