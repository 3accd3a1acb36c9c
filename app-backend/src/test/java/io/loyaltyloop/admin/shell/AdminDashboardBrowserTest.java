package io.loyaltyloop.admin.shell;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.loyaltyloop.BackendTest;
import io.loyaltyloop.admin.access.AdminAccounts;
import io.loyaltyloop.admin.access.AdminRole;
import io.loyaltyloop.browser.AdminLogin;
import io.loyaltyloop.browser.BrowserTest;
import io.loyaltyloop.browser.PageChecks;
import io.loyaltyloop.browser.Screenshots;
import io.loyaltyloop.loyalty.LoyaltyService;
import io.loyaltyloop.shop.Shop;
import io.loyaltyloop.testing.MutableClock;
import io.loyaltyloop.testing.Orders;
import io.loyaltyloop.testing.Shops;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Pattern;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The dashboard in a real Chromium: an owner signs in, sees the KPIs and a drawn chart, changes the
 * period with htmx, reads a definition by keyboard. Saves the README's screenshot, admin-dashboard.
 */
@BrowserTest
class AdminDashboardBrowserTest extends BackendTest {

    private static final String PASSWORD = "correct horse battery staple";

    @Autowired
    DSLContext dsl;

    @Autowired
    LoyaltyService loyalty;

    @Autowired
    AdminAccounts accounts;

    @Autowired
    MutableClock clock;

    Shop shop;

    /**
     * Orders over the last weeks, each applied with the clock at its own day: the ledger dates its
     * entries by the engine's clock, so the points chart shows them day by day.
     */
    @BeforeEach
    void shopWithAMonthOfOrdersAndAnOwner() {
        Instant now = Instant.now();
        shop = Shops.newShop(dsl);
        for (int day = 24; day >= 1; day -= 2) {
            Instant placed = now.minus(Duration.ofDays(day));
            clock.set(placed);
            Orders order = Orders.order(shop.id()).placedAt(placed).line("1", (20 + 7 * day) + ".00");
            loyalty.apply(order.paid());
            if (day % 5 == 0) {
                Instant again = now.minus(Duration.ofDays(day - 1));
                clock.set(again);
                loyalty.apply(Orders.order(shop.id())
                        .customer(order.customerId())
                        .placedAt(again)
                        .line("1", "45.00")
                        .paid());
            }
        }
        clock.set(now);
        accounts.create(shop.id(), "owner@shop.test", PASSWORD, AdminRole.OWNER);
    }

    @AfterEach
    void clockBackToTheStart() {
        clock.set(START);
    }

    @Test
    void anOwnerSeesTheKpisAndChartsAndChangesThePeriod(Page page) throws Exception {
        // given the owner signed in on a desktop-sized screen
        page.setViewportSize(1280, 900);
        AdminLogin.signIn(page, shop.platformShopKey(), "owner@shop.test", PASSWORD);

        // then the dashboard shows the members and a chart Chart.js drew
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Dashboard")))
                .isVisible();
        assertThat(page.locator("#kpi-members .figure-value")).hasText("12");
        page.waitForFunction("() => window.Chart && Chart.getChart(document.querySelector('#points-chart canvas'))");
        assertThat(PageChecks.fieldsWithoutLabel(page)).isEmpty();

        // when the owner picks the last 7 days, htmx swaps the figures without a new page
        page.evaluate("() => window.beforeSwapMarker = true");
        page.getByLabel("Period", new Page.GetByLabelOptions().setExact(true)).selectOption("7d");
        assertThat(page).hasURL(Pattern.compile(".*/admin/dashboard\\?range=7d.*"));
        assertThat(page.locator(".period-label")).hasText(Pattern.compile(".+ – .+"));
        assertThat(page.locator("#orders-chart canvas"))
                .hasAttribute("data-labels", Pattern.compile("^([^,]+,){6}[^,]+$"));
        assertThat(page.evaluate("() => window.beforeSwapMarker === true")).isEqualTo(true);
        page.waitForFunction("() => Chart.getChart(document.querySelector('#orders-chart canvas'))");

        // and a definition shows on keyboard focus, described to assistive technology
        Locator about = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("About Redemption rate"));
        about.focus();
        assertThat(page.locator("#def-redemption-rate")).isVisible();
        assertThat(about).hasAttribute("aria-describedby", "def-redemption-rate");
        assertThat(page.locator("#def-redemption-rate")).hasText(Pattern.compile("^Points redeemed ÷ points issued.*"));
        page.locator("h1").click();
        page.getByLabel("Period", new Page.GetByLabelOptions().setExact(true)).selectOption("30d");
        assertThat(page.locator("#orders-chart canvas"))
                .hasAttribute("data-labels", Pattern.compile("^([^,]+,){29}[^,]+$"));
        page.waitForFunction("() => Chart.getChart(document.querySelector('#points-chart canvas'))");
        // target/screenshots/admin-dashboard.png; the README's copy in docs/screenshots is refreshed
        // by hand, so a test run never changes tracked files.
        Screenshots.save(page, "admin-dashboard");

        // and on a phone the cards stack and nothing scrolls sideways
        page.setViewportSize(PageChecks.PHONE_WIDTH, PageChecks.PHONE_HEIGHT);
        page.waitForFunction(
                "() => document.querySelector('#points-chart canvas').getBoundingClientRect().right <= 375");
        assertThat(PageChecks.sidewaysOverflow(page)).isEmpty();
        Screenshots.save(page, "admin-dashboard-figures-375");
    }
}
