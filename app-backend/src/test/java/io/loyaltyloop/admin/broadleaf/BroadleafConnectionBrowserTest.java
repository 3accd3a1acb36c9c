package io.loyaltyloop.admin.broadleaf;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.loyaltyloop.BackendTest;
import io.loyaltyloop.admin.access.AdminAccounts;
import io.loyaltyloop.admin.access.AdminRole;
import io.loyaltyloop.broadleaf.BroadleafFixtures;
import io.loyaltyloop.broadleaf.site.BroadleafSites;
import io.loyaltyloop.browser.AdminLogin;
import io.loyaltyloop.browser.BrowserTest;
import io.loyaltyloop.browser.PageChecks;
import io.loyaltyloop.browser.Screenshots;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The owner of a Broadleaf site opens the connection page and makes a new secret, shown once. */
@BrowserTest
class BroadleafConnectionBrowserTest extends BackendTest {

    private static final String PASSWORD = "correct horse battery staple";

    @Autowired
    AdminAccounts accounts;

    @Autowired
    BroadleafSites sites;

    private BroadleafSites.Registered site;

    @BeforeEach
    void aSiteWithAnOwner() {
        site = BroadleafFixtures.register(sites, "https://heat.example.com");
        accounts.create(site.site().shop().id(), "owner@heat.test", PASSWORD, AdminRole.OWNER);
    }

    @Test
    void theOwnerMakesANewSecretAndCopiesIt(Page page) {
        // given the owner signed in, on the connection page
        AdminLogin.signIn(page, site.site().siteId(), "owner@heat.test", PASSWORD);
        page.navigate("/admin/broadleaf");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Broadleaf connection")))
                .isVisible();
        assertThat(page.locator("#site-id")).hasText(site.site().siteId());
        assertThat(page.locator("#site-url")).hasText("https://heat.example.com");

        // when they make a new secret
        page.waitForFunction("() => { const b = document.querySelector('form[hx-post] button');"
                + " return !!(b && b.form['htmx-internal-data']); }");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Make a new secret"))
                .click();

        // then it is shown once, in a field to copy from, and the old one still works for a day
        assertThat(page.getByLabel("New secret")).isVisible();
        String shown = page.getByLabel("New secret").inputValue();
        assertThat(sites.acceptedSecrets(site.site().shop().id())).containsExactly(shown, site.secret());
        assertThat(page.locator("#previous-secret")).isVisible();
        assertThat(PageChecks.fieldsWithoutLabel(page)).isEmpty();
        Screenshots.save(page, "admin-broadleaf");
        page.setViewportSize(PageChecks.PHONE_WIDTH, PageChecks.PHONE_HEIGHT);
        assertThat(PageChecks.sidewaysOverflow(page)).isEmpty();
        Screenshots.save(page, "admin-broadleaf-375");

        // and a reload no longer shows it
        page.reload();
        assertThat(page.locator("#secret-value")).hasCount(0);
    }
}
