package io.loyaltyloop.admin.customers;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.loyaltyloop.db.Tables.CUSTOMER;
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
import io.loyaltyloop.testing.Orders;
import io.loyaltyloop.testing.Shops;
import java.util.regex.Pattern;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** An owner finds a customer with the live search, opens them and adjusts their balance, on a phone. */
@BrowserTest
class CustomerAdminBrowserTest extends BackendTest {

    private static final String PASSWORD = "correct horse battery staple";

    @Autowired
    DSLContext dsl;

    @Autowired
    LoyaltyService loyalty;

    @Autowired
    AdminAccounts accounts;

    Shop shop;

    @BeforeEach
    void shopWithACustomerAndAnOwner() {
        shop = Shops.newShop(dsl);
        loyalty.apply(Orders.order(shop.id()).line("1", "10.00").paid());
        Orders order = Orders.order(shop.id()).line("1", "40.00");
        loyalty.apply(order.paid());
        dsl.update(CUSTOMER)
                .set(CUSTOMER.EMAIL, "ottilie@example.test")
                .set(CUSTOMER.FIRST_NAME, "Ottilie")
                .set(CUSTOMER.LAST_NAME, "Featherstone")
                .where(CUSTOMER.SHOP_ID.eq(shop.id().value()))
                .and(CUSTOMER.EXTERNAL_ID.eq(order.customerId()))
                .execute();
        accounts.create(shop.id(), "owner@shop.test", PASSWORD, AdminRole.OWNER);
    }

    @Test
    void anOwnerSearchesOpensAndAdjustsACustomer(Page page) {
        // given the owner signed in on a phone-sized screen
        page.setViewportSize(PageChecks.PHONE_WIDTH, PageChecks.PHONE_HEIGHT);
        AdminLogin.signIn(page, shop.platformShopKey(), "owner@shop.test", PASSWORD);

        // when they open Customers and type part of a name, the results follow as they type
        page.getByRole(AriaRole.NAVIGATION)
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Customers"))
                .click();
        assertThat(page.getByRole(
                        AriaRole.HEADING,
                        new Page.GetByRoleOptions().setName("Customers").setExact(true)))
                .isVisible();
        // htmx binds the field's keyup trigger once it has processed the swapped-in screen; typing
        // before that would send nothing (seen on a cold JVM), so wait for htmx to have taken it.
        page.waitForFunction("() => { const q = document.querySelector('input[name=q]');"
                + " return !!(q && q['htmx-internal-data']); }");
        page.getByLabel("Search by email, name or customer id").pressSequentially("feather");
        assertThat(page.locator("#results-heading")).hasText(Pattern.compile("feather"));
        assertThat(page.locator(".result-list li")).hasCount(1);
        assertThat(page).hasURL(Pattern.compile(".*/admin/customers\\?q=feather$"));
        assertThat(PageChecks.fieldsWithoutLabel(page)).isEmpty();

        // and open the customer
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Ottilie Featherstone"))
                .click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Ottilie Featherstone")))
                .isVisible();
        assertThat(page.locator("#balance-available")).hasText("0");

        // a refusal shows next to its field
        page.getByLabel("Points", new Page.GetByLabelOptions().setExact(true)).fill("250");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Adjust points"))
                .click();
        assertThat(page.locator("#adjust-reason-error")).isVisible();
        assertThat(page.getByLabel("Reason")).hasAttribute("aria-invalid", "true");

        // when they credit points with a reason
        page.getByLabel("Reason").fill("Sorry for the late parcel");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Adjust points"))
                .click();

        // then the balance and the ledger show it at once
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("The adjustment was saved.");
        assertThat(page.locator("#balance-available")).hasText("250");
        assertThat(page.locator("#ledger tbody tr").first()).containsText("ADJUST");
        assertThat(page.locator("#ledger tbody tr").first()).containsText("Sorry for the late parcel");
        assertThat(PageChecks.fieldsWithoutLabel(page)).isEmpty();
        assertThat(PageChecks.sidewaysOverflow(page)).isEmpty();
        Screenshots.save(page, "admin-customer");
    }
}
