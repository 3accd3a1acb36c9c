package io.loyaltyloop.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

/** Signs a standalone admin user in through the login form, as a merchant would. */
public final class AdminLogin {

    private AdminLogin() {}

    /** Fills the login form, submits it with Enter and waits for the dashboard. */
    public static void signIn(Page page, String store, String email, String password) {
        page.navigate("/admin/login");
        page.getByLabel("Store").fill(store);
        page.getByLabel("Email").fill(email);
        page.getByLabel("Password").fill(password);
        page.getByLabel("Password").press("Enter");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Dashboard")))
                .isVisible();
    }
}
