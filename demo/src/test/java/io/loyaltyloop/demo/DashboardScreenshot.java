package io.loyaltyloop.demo;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Signs the demo's owner in with the system's headless Chromium (never a downloaded one, as in
 * app-backend's browser tests) and saves the dashboard, whole page, as a PNG: the README's picture.
 */
final class DashboardScreenshot {

    private static final Path CHROMIUM = Path.of(System.getProperty("loyalty.test.chromium", "/usr/bin/chromium"));

    private DashboardScreenshot() {}

    /** Returns the dashboard's visible text, for the caller to check what the picture shows. */
    static String save(Demo demo, Path file) {
        try (Playwright playwright = Playwright.create(
                        new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
                Browser browser = playwright
                        .chromium()
                        .launch(new BrowserType.LaunchOptions()
                                .setExecutablePath(CHROMIUM)
                                .setHeadless(true)
                                .setArgs(List.of(
                                        "--headless",
                                        "--no-sandbox",
                                        "--disable-gpu",
                                        "--no-first-run",
                                        "--disable-background-networking")))) {
            Page page = browser.newContext(new Browser.NewContextOptions()
                            .setLocale("en-US")
                            .setViewportSize(1280, 900)
                            .setBaseURL(demo.backendUrl()))
                    .newPage();
            page.setDefaultTimeout(20_000);
            page.navigate("/admin/login");
            page.getByLabel("Store").fill(Demo.SHOP);
            page.getByLabel("Email").fill(Demo.OWNER_EMAIL);
            page.getByLabel("Password").fill(demo.ownerPassword());
            page.getByLabel("Password").press("Enter");
            page.waitForURL(url -> !url.contains("/admin/login"));
            page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
            return page.innerText("body");
        }
    }
}
