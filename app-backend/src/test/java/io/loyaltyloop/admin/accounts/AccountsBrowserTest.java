package io.loyaltyloop.admin.accounts;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.RequestOptions;
import io.loyaltyloop.BackendTest;
import io.loyaltyloop.admin.access.AdminAccounts;
import io.loyaltyloop.admin.access.AdminRole;
import io.loyaltyloop.browser.AdminLogin;
import io.loyaltyloop.browser.BrowserTest;
import io.loyaltyloop.browser.PageChecks;
import io.loyaltyloop.browser.Screenshots;
import io.loyaltyloop.shop.Shop;
import io.loyaltyloop.shop.ShopService;
import io.loyaltyloop.testing.Shops;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** An owner adds a staff account from the top bar; the new staff member logs in and can change nothing. */
@BrowserTest
class AccountsBrowserTest extends BackendTest {

    private static final String PASSWORD = "correct horse battery staple";
    private static final String STAFF_PASSWORD = "a staff password, long enough";

    @Autowired
    DSLContext dsl;

    @Autowired
    AdminAccounts accounts;

    @Autowired
    ShopService shops;

    Shop shop;

    @BeforeEach
    void shopWithAnOwner() {
        shop = Shops.newShop(dsl);
        accounts.create(shop.id(), "owner@shop.test", PASSWORD, AdminRole.OWNER);
    }

    @Test
    void anOwnerAddsAStaffAccountWhoseWritesAreRefused(Page page) {
        // given the owner signed in
        logIn(page, "owner@shop.test", PASSWORD);

        // when they open Accounts from the top bar and add a staff member
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Accounts"))
                .click();
        assertThat(page.getByRole(
                        AriaRole.HEADING,
                        new Page.GetByRoleOptions().setName("Accounts").setExact(true)))
                .isVisible();
        page.waitForFunction("() => { const f = document.querySelector('#new-email');"
                + " return !!(f && f.form['htmx-internal-data']); }");
        page.getByLabel("Email").fill("staff@shop.test");
        page.getByLabel("Role", new Page.GetByLabelOptions().setExact(true)).selectOption("STAFF");
        page.getByLabel("Initial password", new Page.GetByLabelOptions().setExact(true))
                .fill(STAFF_PASSWORD);
        page.getByLabel("Initial password again").fill(STAFF_PASSWORD + "?");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add account"))
                .click();

        // a mistake shows next to its field
        assertThat(page.locator("#new-password-repeat-error")).hasText("the two passwords differ");
        page.getByLabel("Initial password", new Page.GetByLabelOptions().setExact(true))
                .fill(STAFF_PASSWORD);
        page.getByLabel("Initial password again").fill(STAFF_PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add account"))
                .click();

        // then the account is listed
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("The account was added.");
        assertThat(page.locator(".accounts-table tbody tr")).hasCount(2);
        assertThat(page.locator(".accounts-table")).containsText("staff@shop.test");
        assertThat(PageChecks.fieldsWithoutLabel(page)).isEmpty();
        Screenshots.save(page, "admin-accounts");
        page.setViewportSize(PageChecks.PHONE_WIDTH, PageChecks.PHONE_HEIGHT);
        assertThat(PageChecks.sidewaysOverflow(page)).isEmpty();
        Screenshots.save(page, "admin-accounts-375");

        // and the staff member logs in, sees only their own password form, and cannot write
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log out"))
                .click();
        logIn(page, "staff@shop.test", STAFF_PASSWORD);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Your account"))
                .click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Your account")))
                .isVisible();
        assertThat(page.getByText("Add an account")).hasCount(0);
        String csrf = page.locator("meta[name=csrf-token]").getAttribute("content");
        String csrfHeader = page.locator("meta[name=csrf-header]").getAttribute("content");
        APIResponse write = page.request()
                .post(
                        "/admin/settings/contact-email",
                        RequestOptions.create()
                                .setHeader(csrfHeader, csrf)
                                .setHeader("HX-Request", "true")
                                .setForm(FormData.create().set("email", "staff@shop.test")));
        assertThat(write.status()).isEqualTo(403);
        assertThat(shops.contactEmail(shop.id())).isEmpty();
    }

    private void logIn(Page page, String email, String password) {
        AdminLogin.signIn(page, shop.platformShopKey(), email, password);
    }
}
