package io.loyaltyloop.admin.emails;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.FrameLocator;
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
import io.loyaltyloop.email.EmailSender;
import io.loyaltyloop.shop.Shop;
import io.loyaltyloop.testing.Shops;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An owner edits the review request: changes the subject and a line of the HTML, watches the preview
 * follow, saves, and sends themselves a test; then looks at it on a phone.
 */
@BrowserTest
class EmailsAdminBrowserTest extends BackendTest {

    private static final String PASSWORD = "correct horse battery staple";

    @Autowired
    DSLContext dsl;

    @Autowired
    AdminAccounts accounts;

    @Autowired
    EmailSender sender;

    Shop shop;

    @BeforeEach
    void shopWithAnOwner() {
        shop = Shops.newShop(dsl);
        accounts.create(shop.id(), "owner@browser-emails.test", PASSWORD, AdminRole.OWNER);
    }

    @Test
    void anOwnerEditsPreviewsSavesAndTestsTheReviewRequest(Page page) throws Exception {
        // given the owner signed in, on the Emails list
        page.setViewportSize(1280, 900);
        AdminLogin.signIn(page, shop.platformShopKey(), "owner@browser-emails.test", PASSWORD);
        page.getByRole(AriaRole.NAVIGATION)
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Emails"))
                .click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Emails")))
                .isVisible();
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send Review request")))
                .hasAttribute("aria-pressed", "true");
        Screenshots.save(page, "admin-emails");

        // when they open the review request
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Review request"))
                .click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Review request")))
                .isVisible();
        FrameLocator preview = page.frameLocator("#email-preview-frame");
        assertThat(preview.locator("h1")).hasText("How did we do?");
        // htmx binds the live check once it has processed the swapped-in editor
        page.waitForFunction("() => { const c = document.getElementById('email-checked');"
                + " return !!(c && c['htmx-internal-data']); }");

        // and change the subject and a line of the HTML
        page.getByLabel("Subject").fill("Tell us about {{ order.name }}");
        Locator html = page.getByLabel("HTML body");
        html.fill(html.inputValue().replace("How did we do?", "Your opinion matters"));

        // then the preview follows: the subject on sample data, the HTML in its frame
        assertThat(page.locator("#preview-subject")).hasText("Tell us about #1001");
        assertThat(preview.locator("h1")).hasText("Your opinion matters");

        // a mistake shows next to its field, with its line, and goes away when fixed
        html.fill(html.inputValue() + "\n{% if points.per_review %}");
        assertThat(page.locator("#html-errors")).containsText("line");
        assertThat(html).hasAttribute("aria-invalid", "true");
        html.fill(html.inputValue().replace("\n{% if points.per_review %}", ""));
        assertThat(page.locator("#html-errors")).isEmpty();
        assertThat(preview.locator("h1")).hasText("Your opinion matters");
        assertThat(PageChecks.fieldsWithoutLabel(page)).isEmpty();
        Screenshots.save(page, "admin-emails-editor");

        // when they save
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save"))
                .click();
        assertThat(page.getByRole(AriaRole.STATUS).first()).hasText("Saved. The next emails of this kind use it.");
        assertThat(page.getByLabel("Subject")).hasValue("Tell us about {{ order.name }}");

        // and send a test
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send test"))
                .click();
        assertThat(page.locator("#test-result")).containsText("Test email sent to owner@browser-emails.test");
        sender.sendDue(100);
        assertThat(receivedEmailsTo("owner@browser-emails.test"))
                .singleElement()
                .satisfies(m -> assertThat(m.getSubject()).isEqualTo("[Test] Tell us about #1001"));

        // and on a phone the editor still fits, the saved template in the preview
        page.setViewportSize(PageChecks.PHONE_WIDTH, PageChecks.PHONE_HEIGHT);
        assertThat(preview.locator("h1")).hasText("Your opinion matters");
        assertThat(PageChecks.sidewaysOverflow(page)).isEmpty();
        Screenshots.save(page, "admin-emails-375");
    }
}
