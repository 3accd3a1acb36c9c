package io.loyaltyloop.admin.program;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.loyaltyloop.BackendTest;
import io.loyaltyloop.admin.access.AdminAccounts;
import io.loyaltyloop.admin.access.AdminRole;
import io.loyaltyloop.browser.AdminLogin;
import io.loyaltyloop.browser.BrowserTest;
import io.loyaltyloop.browser.PageChecks;
import io.loyaltyloop.browser.Screenshots;
import io.loyaltyloop.loyalty.EarningService;
import io.loyaltyloop.loyalty.LoyaltyService;
import io.loyaltyloop.shop.Shop;
import io.loyaltyloop.testing.Orders;
import io.loyaltyloop.testing.Shops;
import java.util.regex.Pattern;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** An owner previews a new earning rate, reads what it would have done, and saves it. */
@BrowserTest
class ProgramAdminBrowserTest extends BackendTest {

    private static final String PASSWORD = "correct horse battery staple";

    @Autowired
    DSLContext dsl;

    @Autowired
    LoyaltyService loyalty;

    @Autowired
    EarningService earning;

    @Autowired
    AdminAccounts accounts;

    Shop shop;

    @BeforeEach
    void shopWithTwoOrdersAndAnOwner() {
        shop = Shops.newShop(dsl);
        loyalty.apply(Orders.order(shop.id()).line("1", "40.00").paid());
        loyalty.apply(Orders.order(shop.id()).line("1", "60.00").paid());
        accounts.create(shop.id(), "owner@shop.test", PASSWORD, AdminRole.OWNER);
    }

    @Test
    void anOwnerPreviewsAndSavesANewEarningRate(Page page) {
        // given the owner signed in and opened the Program screen
        page.setViewportSize(1280, 900);
        AdminLogin.signIn(page, shop.platformShopKey(), "owner@shop.test", PASSWORD);
        page.navigate("/admin/program");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Earning rule")))
                .isVisible();
        assertThat(page.locator("#current-rate")).hasText("1");

        // when they type a new rate and press Preview change
        page.getByLabel("Points per USD 1 spent").fill("3");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Preview change"))
                .click();

        // then the dry run says what the last 90 days' orders would have earned, and nothing is saved yet
        assertThat(page.locator("#dry-run"))
                .hasText(Pattern.compile("Over the last 90 days, 2 orders earned 100 points\\. Under this rule they"
                        + " would have earned 300: 200 more points \\(≈ \\$2\\.00 of liability added.*"));
        assertThat(page.locator("#current-rate")).hasText("1");

        // when they press Save
        page.getByRole(
                        AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName("Save").setExact(true))
                .click();

        // then the page confirms it and the rule is in force
        assertThat(page.locator("#earning .banner-success"))
                .hasText(Pattern.compile("Saved\\.\\s+Orders paid from now on earn\\s+3\\s+points per USD 1\\."));
        assertThat(page.locator("#current-rate")).hasText("3");
        assertThat(earning.rule(shop.id()).pointsPerUnit()).isEqualByComparingTo("3");
        assertThat(PageChecks.fieldsWithoutLabel(page)).isEmpty();
        Screenshots.save(page, "admin-program");

        // and on a phone the page fits the screen
        page.setViewportSize(PageChecks.PHONE_WIDTH, PageChecks.PHONE_HEIGHT);
        page.navigate("/admin/program");
        assertThat(page.locator("#current-rate")).hasText("3");
        assertThat(PageChecks.sidewaysOverflow(page)).isEmpty();
        Screenshots.save(page, "admin-program-375");
    }
}
