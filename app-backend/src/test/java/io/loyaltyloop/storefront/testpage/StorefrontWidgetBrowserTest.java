package io.loyaltyloop.storefront.testpage;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.loyaltyloop.BackendTest;
import io.loyaltyloop.browser.BrowserTest;
import io.loyaltyloop.browser.PageChecks;
import io.loyaltyloop.browser.Screenshots;
import io.loyaltyloop.loyalty.EarningService;
import io.loyaltyloop.loyalty.ExclusionField;
import io.loyaltyloop.loyalty.LoyaltyService;
import io.loyaltyloop.loyalty.ManualAdjustment;
import io.loyaltyloop.review.Review;
import io.loyaltyloop.review.ReviewFixtures;
import io.loyaltyloop.review.ReviewService;
import io.loyaltyloop.reward.RewardCatalog;
import io.loyaltyloop.shop.Shop;
import io.loyaltyloop.testing.Orders;
import io.loyaltyloop.testing.Shops;
import java.util.regex.Pattern;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The rewards widget on the storefront test page, in Chromium, against the real proxy endpoints. */
@BrowserTest
class StorefrontWidgetBrowserTest extends BackendTest {

    @Autowired
    DSLContext dsl;

    @Autowired
    LoyaltyService loyalty;

    @Autowired
    RewardCatalog catalog;

    @Autowired
    ReviewService reviews;

    @Autowired
    EarningService earning;

    @LocalServerPort
    int port;

    Shop shop;

    @BeforeEach
    void aShop() {
        shop = Shops.newShop(dsl);
    }

    @Test
    void aGuestOpensTheWidgetByKeyboardSeesHowItWorksAndClosesItWithEscape(Page page) {
        page.navigate("/storefront-test/" + shop.platformShopKey());
        Locator launcher = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Rewards"));

        launcher.focus();
        page.keyboard().press("Enter");

        Locator dialog = page.getByRole(AriaRole.DIALOG, new Page.GetByRoleOptions().setName("Your rewards"));
        assertThat(dialog).isVisible();
        assertThat(dialog.getByRole(
                        AriaRole.LINK, new Locator.GetByRoleOptions().setName("Sign in or create an account")))
                .isVisible();
        assertThat(dialog.getByText("Join our rewards program", new Locator.GetByTextOptions().setExact(false)))
                .isVisible();
        assertThat(dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Close")))
                .isFocused();
        Screenshots.save(page, "storefront-widget");

        page.keyboard().press("Escape");

        assertThat(dialog).isHidden();
        assertThat(launcher).isFocused();
        assertThat(launcher).hasAttribute("aria-expanded", "false");
    }

    @Test
    void thePointsHintsShowWhatTheEngineWouldCreditAndNoMore(Page page) {
        earning.addExclusion(shop.id(), ExclusionField.SKU, "CASE-TRAVEL", "test");

        page.navigate("/storefront-test/" + shop.platformShopKey());

        // the cheaper variant (49.00); in the cart the sunglasses less the 5.00 cart discount, the
        // excluded case and the gift card left out: 44.00
        assertThat(page.locator("[data-ll-hint]").first()).hasText("Earn 49 points with this purchase.");
        assertThat(page.locator(".st-cart [data-ll-hint]")).hasText("Earn 44 points with this purchase.");
    }

    @Test
    void onAPhoneThePanelFitsTheScreen(Page page) {
        page.setViewportSize(PageChecks.PHONE_WIDTH, PageChecks.PHONE_HEIGHT);
        page.navigate("/storefront-test/" + shop.platformShopKey() + "?locale=de");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Prämien"))
                .click();

        assertThat(page.getByRole(AriaRole.DIALOG, new Page.GetByRoleOptions().setName("Deine Prämien")))
                .isVisible();
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Anmelden oder Konto erstellen")))
                .isVisible();
        assertThat(PageChecks.sidewaysOverflow(page)).isEmpty();
        Screenshots.save(page, "storefront-widget-375");
    }

    @Test
    void aSignedInCustomerSeesTheBalanceRedeemsARewardAndGetsACode(Page page) throws Exception {
        String customer = "7001";
        loyalty.apply(
                Orders.order(shop.id()).customer(customer).line("1", "10.00").paid());
        loyalty.adjust(new ManualAdjustment(shop.id(), customer, 600, "welcome", "test"));
        // the shop's starter rewards include "5 off" for 500 points
        page.navigate("/storefront-test/" + shop.platformShopKey() + "?customer=" + customer);

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(Pattern.compile("^Rewards")))
                .click();
        Locator dialog = page.getByRole(AriaRole.DIALOG, new Page.GetByRoleOptions().setName("Your rewards"));
        assertThat(dialog.getByText("points available")).isVisible();
        assertThat(dialog.locator(".ll-big")).hasText("600");
        // one point per dollar reads in the singular, where the language says so
        assertThat(dialog.getByText(Pattern.compile("^1 point for every "))).isVisible();
        dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Redeem: 5 off"))
                .click();

        assertThat(dialog.locator(".ll-result code")).hasText(Pattern.compile("\\S{6,}"));
        assertThat(dialog.getByRole(
                        AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(Pattern.compile("^Copy: "))))
                .isVisible();
        assertThat(loyalty.balance(shop.id(), customer).orElseThrow().available())
                .isEqualTo(100);
        Screenshots.save(page, "storefront-widget-member");

        // and the item waiting for their review leads to the review form (the email's signed link,
        // on the public base URL; the test opens its path here)
        String review = dialog.getByRole(
                        AriaRole.LINK, new Locator.GetByRoleOptions().setName(Pattern.compile("^Write a review: ")))
                .getAttribute("href");
        page.navigate(PageChecks.pathOf(review));
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Submit review")))
                .isVisible();
    }

    @Test
    void theProductBlockShowsTheReviewsAndGivesGoogleTheirJsonLd(Page page) {
        Review review = ReviewFixtures.reviewed(
                dsl, loyalty, reviews, shop.id(), "7002", "1", 5, "Sharp", "Clear lenses, sturdy case.");

        page.navigate("/storefront-test/" + shop.platformShopKey() + "?product=" + review.productId());

        assertThat(page.locator("[data-ll-rating] .ll-reviews li")).hasCount(1);
        assertThat(page.locator("[data-ll-rating] .ll-reviews")).containsText("Clear lenses, sturdy case.");
        Locator jsonLd = page.locator("[data-ll-rating] script[type='application/ld+json']");
        assertThat(jsonLd).hasCount(1);
        String snippet = jsonLd.textContent();
        assertThat(snippet).contains("\"@type\":\"Product\"", "\"reviewCount\":1", "Clear lenses, sturdy case.");
    }
}
