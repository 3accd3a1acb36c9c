package io.loyaltyloop.admin.rewards;

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
import io.loyaltyloop.reward.RewardCatalog;
import io.loyaltyloop.reward.RewardListing;
import io.loyaltyloop.shop.Shop;
import io.loyaltyloop.testing.Shops;
import io.loyaltyloop.tier.TierService;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** An owner adds a reward, changes its cost and takes it off offer; then adds a tier and previews a multiplier. */
@BrowserTest
class RewardsAndTiersBrowserTest extends BackendTest {

    private static final String PASSWORD = "correct horse battery staple";

    @Autowired
    DSLContext dsl;

    @Autowired
    AdminAccounts accounts;

    @Autowired
    RewardCatalog catalog;

    @Autowired
    TierService tiers;

    Shop shop;

    @BeforeEach
    void shopWithAnOwner() {
        shop = Shops.newShop(dsl);
        accounts.create(shop.id(), "owner@shop.test", PASSWORD, AdminRole.OWNER);
    }

    @Test
    void anOwnerManagesRewardsAndTiers(Page page) {
        // given the owner signed in
        AdminLogin.signIn(page, shop.platformShopKey(), "owner@shop.test", PASSWORD);

        // when they add a reward on the rewards tab
        page.navigate("/admin/program/rewards");
        page.getByLabel("Name").fill("Birthday treat");
        page.getByLabel("Gives").selectOption("FIXED_AMOUNT");
        page.getByLabel("Amount or percentage off").fill("12.50");
        page.getByLabel("Cost in points").fill("1200");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add reward"))
                .click();
        assertThat(page.getByRole(AriaRole.STATUS).first()).hasText("The reward was added.");
        Locator row = page.locator("#rewards-table tr", new Page.LocatorOptions().setHasText("Birthday treat"));
        assertThat(row).containsText("$12.50 off");
        assertThat(row).containsText("1,200 points");

        // and change its cost
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Edit Birthday treat"))
                .click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Edit “Birthday treat”")))
                .isVisible();
        page.getByLabel("Cost in points").fill("900");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save reward"))
                .click();
        assertThat(row).containsText("900 points");

        // and take it off offer
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Deactivate Birthday treat"))
                .click();
        assertThat(row).containsText("Inactive");
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Reactivate Birthday treat")))
                .isVisible();
        assertThat(PageChecks.fieldsWithoutLabel(page)).isEmpty();
        settled(page);
        Screenshots.save(page, "admin-rewards");

        // then the shop holds it as they left it
        RewardListing saved = catalog.listing(shop.id()).stream()
                .filter(l -> l.reward().name().equals("Birthday treat"))
                .findFirst()
                .orElseThrow();
        assertThat(saved.reward().pointsCost()).isEqualTo(900);
        assertThat(saved.reward().active()).isFalse();

        // on a phone the tab still fits
        page.setViewportSize(PageChecks.PHONE_WIDTH, PageChecks.PHONE_HEIGHT);
        assertThat(PageChecks.sidewaysOverflow(page)).isEmpty();
        settled(page);
        Screenshots.save(page, "admin-rewards-375");
        page.setViewportSize(1280, 900);

        // A screenshot leaves style="" on the inputs (Playwright hides the caret), which htmx's settle
        // would copy into the next swap and the CSP would report: go on from a fresh load.
        page.navigate("/admin/program/rewards");

        // when they open the tiers tab and add a tier
        page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Program"))
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Tiers"))
                .click();
        assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/admin/program/tiers$"));
        page.getByLabel("Name").fill("Platinum");
        page.getByLabel("Minimum spend (USD)").fill("5000");
        page.getByLabel("Earn multiplier").fill("2");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add tier"))
                .click();
        assertThat(page.locator("#tiers-table")).containsText("Platinum");
        assertThat(page.locator("#tiers-table")).containsText("$5,000.00");

        // and preview a multiplier change before saving it
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Edit Silver"))
                .click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Edit “Silver”")))
                .isVisible();
        page.getByLabel("Earn multiplier").fill("1.5");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Preview the change"))
                .click();
        assertThat(page.locator("#tier-preview"))
                .containsText("From ×1.25 to ×1.5, this change would not change any points");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save tier"))
                .click();
        assertThat(page.locator("#tiers-table")).containsText("×1.5");
        assertThat(PageChecks.fieldsWithoutLabel(page)).isEmpty();
        settled(page);
        Screenshots.save(page, "admin-tiers");

        assertThat(tiers.ladder(shop.id()).tiers()).extracting(t -> t.name()).contains("Platinum");
    }

    /**
     * Waits until htmx has no request, swap or settle under way: a screenshot hides the inputs' caret
     * with an inline style, and an htmx settle running at that moment copies it, which the CSP reports.
     */
    private static void settled(Page page) {
        page.waitForFunction(
                "() => !document.querySelector('.htmx-request, .htmx-swapping, .htmx-settling, .htmx-added')");
    }
}
