package io.loyaltyloop.admin.shell;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.loyaltyloop.BackendTest;
import io.loyaltyloop.admin.access.AdminAccounts;
import io.loyaltyloop.admin.access.AdminRole;
import io.loyaltyloop.browser.BrowserTest;
import io.loyaltyloop.browser.PageChecks;
import io.loyaltyloop.browser.Screenshots;
import io.loyaltyloop.loyalty.LoyaltyService;
import io.loyaltyloop.shop.Shop;
import io.loyaltyloop.testing.Orders;
import io.loyaltyloop.testing.Shops;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The standalone admin in a real Chromium: log in with the keyboard, see the dashboard, navigate. */
@BrowserTest
class AdminLoginBrowserTest extends BackendTest {

    private static final String PASSWORD = "correct horse battery staple";

    @Autowired
    DSLContext dsl;

    @Autowired
    LoyaltyService loyalty;

    @Autowired
    AdminAccounts accounts;

    Shop shop;

    @BeforeEach
    void shopWithTwoMembersAndAnOwner() {
        shop = Shops.newShop(dsl);
        loyalty.apply(Orders.order(shop.id()).line("1", "10.00").paid());
        loyalty.apply(Orders.order(shop.id()).line("1", "20.00").paid());
        accounts.create(shop.id(), "owner@shop.test", PASSWORD, AdminRole.OWNER);
    }

    @Test
    void anOwnerLogsInSeesTheDashboardAndMovesBetweenScreens(Page page) {
        // given the login page on a phone-sized screen
        page.setViewportSize(PageChecks.PHONE_WIDTH, PageChecks.PHONE_HEIGHT);
        page.navigate("/admin");
        assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/admin/login$"));
        assertThat(PageChecks.fieldsWithoutLabel(page)).isEmpty();

        // when the owner logs in
        page.getByLabel("Store").fill(shop.platformShopKey());
        page.getByLabel("Email").fill("owner@shop.test");
        page.getByLabel("Password").fill(PASSWORD);
        page.getByLabel("Password").press("Enter");

        // then the dashboard shows the shop and its figures
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Dashboard")))
                .isVisible();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(shop.name())))
                .isVisible();
        assertThat(page.locator("#kpi-members")).isVisible();
        assertThat(PageChecks.fieldsWithoutLabel(page)).isEmpty();
        assertThat(PageChecks.sidewaysOverflow(page)).isEmpty();
        Screenshots.save(page, "admin-dashboard-375");

        // and the skip link is the first thing the keyboard reaches
        page.keyboard().press("Tab");
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Skip to content")))
                .isFocused();

        // when the owner opens another screen, htmx swaps only the main content
        page.getByRole(AriaRole.NAVIGATION)
                .getByRole(AriaRole.LINK, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Program"))
                .click();
        assertThat(page.getByRole(
                        AriaRole.HEADING,
                        new Page.GetByRoleOptions().setName("Program").setExact(true)))
                .isVisible();
        assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/admin/program$"));
        assertThat(page.locator(".nav a[aria-current=page]")).hasText("Program");

        // and at desktop width the same page has its navigation beside the content
        page.setViewportSize(1280, 800);
        page.getByRole(AriaRole.NAVIGATION)
                .getByRole(AriaRole.LINK, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Dashboard"))
                .click();
        assertThat(page.locator("#kpi-members")).isVisible();
    }
}
