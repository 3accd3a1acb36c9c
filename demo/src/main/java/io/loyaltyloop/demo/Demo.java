package io.loyaltyloop.demo;

import io.loyaltyloop.LoyaltyLoopApplication;
import io.loyaltyloop.admin.access.AdminAccounts;
import io.loyaltyloop.admin.access.AdminRole;
import io.loyaltyloop.shop.Platform;
import io.loyaltyloop.shop.Shop;
import io.loyaltyloop.shop.ShopService;
import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.util.FileSystemUtils;

/**
 * The whole demo in one JVM: the simulated store and the mailbox first, then the real backend
 * pointed at both and running on the accelerated clock, then the store installed through the app's
 * install path, an owner login created, and (unless switched off) the order simulator started.
 */
public final class Demo implements AutoCloseable {

    /** Demo time starts here at every run, so a seed gives the same dates as well. */
    public static final Instant START = Instant.parse("2026-11-02T13:00:00Z");

    public static final String SHOP = ShopifyDevStore.SHOP;
    public static final String OWNER_EMAIL = "owner@loop-demo.example";

    private final DemoOptions options;
    private final ShopifyDevStore store;
    private final DemoMailbox mailbox;
    private final AcceleratedClock clock;
    private final ConfigurableApplicationContext backend;
    private final String backendUrl;
    private final String ownerPassword;
    private final SimulationPlan plan;
    private final OrderSimulator simulator;

    private Demo(DemoOptions options, Path dataDirectory, Map<String, Object> extraProperties, Consumer<String> console)
            throws IOException, InterruptedException {
        this.options = options;
        this.store = new ShopifyDevStore(0);
        this.mailbox = new DemoMailbox(0);
        this.clock = new AcceleratedClock(START, options.acceleration());
        String apiSecret = HexFormat.of().formatHex(randomBytes());
        // A fresh database every run: the keys below are new at every start (tokens and links sealed
        // with the last run's keys could not be read), and the clock starts again at START.
        FileSystemUtils.deleteRecursively(dataDirectory);
        Map<String, Object> properties = DemoProperties.of(dataDirectory, store, mailbox, apiSecret);
        properties.putAll(extraProperties);
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("demo", properties));
        try {
            this.backend = new SpringApplicationBuilder(LoyaltyLoopApplication.class)
                    .environment(environment)
                    .initializers(context -> context.getBeanFactory().registerSingleton("acceleratedClock", clock))
                    .initializers(context -> context.getBeanFactory().registerSingleton("demoMailbox", mailbox))
                    .run(options.springArguments().toArray(String[]::new));
            this.backendUrl = "http://localhost:" + backend.getEnvironment().getProperty("local.server.port");
            DemoInstall.install(backendUrl, SHOP, apiSecret, clock);
            this.ownerPassword = Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(randomBytes())
                    .substring(0, 20);
            backend.getBean(AdminAccounts.class).create(shop().id(), OWNER_EMAIL, ownerPassword, AdminRole.OWNER);
        } catch (RuntimeException | IOException | InterruptedException e) {
            mailbox.close();
            store.close();
            throw e;
        }
        this.plan = SimulationPlan.of(options, START);
        this.simulator = new OrderSimulator(plan, new WebhookSender(backendUrl, SHOP, apiSecret), clock, console);
        // Installed and signed in at real speed; from here on the demo's days pass in minutes.
        clock.accelerate();
        if (options.simulator()) {
            simulator.start();
        }
    }

    /** Starts everything; {@code extraProperties} override the demo's backend settings (tests). */
    public static Demo start(
            DemoOptions options, Path dataDirectory, Map<String, Object> extraProperties, Consumer<String> console)
            throws IOException, InterruptedException {
        return new Demo(options, dataDirectory, new HashMap<>(extraProperties), console);
    }

    public Shop shop() {
        return backend.getBean(ShopService.class)
                .findShop(Platform.SHOPIFY, SHOP)
                .orElseThrow(() -> new IllegalStateException("the demo store is not installed"));
    }

    /** The customer with the most orders in the plan: the one to try the storefront page with. */
    public long regularCustomerId() {
        return plan.orders().stream()
                .collect(java.util.stream.Collectors.groupingBy(
                        o -> o.customer().id(), java.util.stream.Collectors.counting()))
                .entrySet()
                .stream()
                .max(Map.Entry.<Long, Long>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey)
                .orElse(SimulationPlan.customerId(0));
    }

    /** The block of URLs printed once everything is up. */
    public String urls() {
        return """

            ================================ Loyalty Loop demo ================================
             Loyalty admin      %s/admin/login?shop=%s
                                store %s, email %s, password %s
             Mailbox            %s%s
             Storefront page    %s/storefront-test/%s?customer=%d
             Shopify requests   %s
             Clock              1 real second = %d demo minutes, starting %s
             Simulator          %s
             Stop with Ctrl+C. Every run starts clean (./data/demo-postgres) with new keys.
            ===================================================================================
            """.formatted(
                        backendUrl,
                        SHOP,
                        SHOP,
                        OWNER_EMAIL,
                        ownerPassword,
                        backendUrl,
                        MailboxController.PATH,
                        backendUrl,
                        SHOP,
                        regularCustomerId(),
                        store.requestLogUrl(),
                        options.acceleration() / 60,
                        START,
                        options.simulator()
                                ? "%d orders from %d customers, seed %d; a line every %d orders"
                                        .formatted(
                                                options.orders(),
                                                SimulationPlan.CUSTOMERS,
                                                options.seed(),
                                                OrderSimulator.REPORT_EVERY)
                                : "off (--no-simulator)");
    }

    public String backendUrl() {
        return backendUrl;
    }

    public String ownerPassword() {
        return ownerPassword;
    }

    public ConfigurableApplicationContext backend() {
        return backend;
    }

    public DemoMailbox mailbox() {
        return mailbox;
    }

    public ShopifyDevStore store() {
        return store;
    }

    public AcceleratedClock clock() {
        return clock;
    }

    SimulationPlan plan() {
        return plan;
    }

    OrderSimulator simulator() {
        return simulator;
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }

    @Override
    public void close() {
        simulator.close();
        backend.close();
        mailbox.close();
        store.close();
    }
}
