package io.loyaltyloop.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One headless Chromium for the whole test JVM: starting it takes a second or two, while a new
 * context per test (cookies, storage and cache of its own) takes milliseconds.
 *
 * <p>It is the operating system's Chromium (Debian's {@code chromium} package), never a browser that
 * Playwright downloads: the machines this project builds on reach only package registries, so the
 * driver is told not to download ({@code PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD}) and is given the
 * executable. A missing Chromium fails the tests with the command that installs it; browser tests
 * never skip themselves quietly.
 */
final class Chromium implements AutoCloseable {

    static final Path DEFAULT_EXECUTABLE = Path.of("/usr/bin/chromium");

    /** Lets a developer on another system point the tests at a Chrome or Chromium of their own. */
    static final String EXECUTABLE_PROPERTY = "loyalty.test.chromium";

    /**
     * Headless, and quiet on the network: without the background-networking switches Chromium keeps
     * calling Google's services, which a closed network refuses. Playwright adds a fresh, empty
     * {@code --user-data-dir} of its own to every launch.
     */
    private static final List<String> ARGUMENTS = List.of(
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync");

    /** Long enough for a page of the shared 2-core machine, short enough to fail fast. */
    private static final double TIMEOUT_MILLIS = 15_000;

    private final Playwright playwright;
    private final Browser browser;

    private Chromium(Playwright playwright, Browser browser) {
        this.playwright = playwright;
        this.browser = browser;
    }

    static Chromium launch() {
        Path executable = executable();
        Playwright playwright = Playwright.create(
                new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        try {
            Browser browser = playwright
                    .chromium()
                    .launch(new BrowserType.LaunchOptions()
                            .setExecutablePath(executable)
                            .setHeadless(true)
                            .setArgs(ARGUMENTS));
            return new Chromium(playwright, browser);
        } catch (RuntimeException e) {
            playwright.close();
            throw e;
        }
    }

    /** A context of its own for one test; {@code baseUrl} (may be null) resolves relative paths. */
    BrowserContext newContext(String baseUrl) {
        Browser.NewContextOptions options = new Browser.NewContextOptions().setLocale("en-US");
        if (baseUrl != null) {
            options.setBaseURL(baseUrl);
        }
        BrowserContext context = browser.newContext(options);
        context.setDefaultTimeout(TIMEOUT_MILLIS);
        context.setDefaultNavigationTimeout(TIMEOUT_MILLIS);
        return context;
    }

    /** The browser's own version, e.g. {@code 150.0.7871.100}. */
    String version() {
        return browser.version();
    }

    @Override
    public void close() {
        try {
            browser.close();
        } finally {
            playwright.close();
        }
    }

    static Path executable() {
        Path executable = Path.of(System.getProperty(EXECUTABLE_PROPERTY, DEFAULT_EXECUTABLE.toString()));
        if (!Files.isExecutable(executable)) {
            throw new IllegalStateException("The browser tests need Chromium at " + executable
                    + ", and there is none. Install it with `apt-get install -y chromium` (bin/verify does),"
                    + " or point -D" + EXECUTABLE_PROPERTY + "= at a Chrome or Chromium executable.");
        }
        return executable;
    }
}
